-- main
alter view public.v alter column qty drop default;
