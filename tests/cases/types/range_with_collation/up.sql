-- main
create type public.textrange as range (subtype = text, collation = pg_catalog."C");
