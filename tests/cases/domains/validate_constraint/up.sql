-- main
alter domain public.code validate constraint code_short;
