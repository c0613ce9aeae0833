-- main
alter view public.v alter column qty set default 1;
