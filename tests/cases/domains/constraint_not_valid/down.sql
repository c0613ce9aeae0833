-- main
alter domain public.code drop constraint code_short;
