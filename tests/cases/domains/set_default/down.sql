-- main
alter domain public.label drop default;
