-- main
alter domain public.label drop not null;
