create schema app;
create function app.csv_step(acc text, x text) returns text language sql immutable as $$ select case when acc = '' then x else acc || ',' || x end $$;
create aggregate app.csv_agg(text) (sfunc = app.csv_step, stype = text, initcond = '');
create procedure app.cleanup() language sql as $$ select 1 $$;
