create schema app;
create function app.csv_step(acc text, x text) returns text language sql immutable as $$ select case when acc = '' then x else acc || ',' || x end $$;
create aggregate app.csv_agg(text) (sfunc = app.csv_step, stype = text, initcond = '');
create procedure app.cleanup() language sql as $$ select 1 $$;
revoke execute on function app.csv_agg(text) from public;
grant execute on function app.csv_agg(text) to authenticated;
grant execute on routine app.csv_step(text, text) to anon;
grant execute on procedure app.cleanup() to service_role;
grant execute on all functions in schema app to service_role;
