-- main
alter domain public.label set not null;
