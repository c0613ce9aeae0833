-- main
grant execute on procedure app.cleanup() to service_role;

-- main
grant execute on function app.csv_agg(text) to authenticated;

-- main
revoke execute on function app.csv_agg(text) from public;

-- main
grant execute on function app.csv_agg(text) to service_role;

-- main, weakens_security
grant execute on function app.csv_step(acc text, x text) to anon;

-- main
grant execute on function app.csv_step(acc text, x text) to service_role;
