-- main
alter domain public.name_text drop not null;
