-- main
revoke execute on procedure app.cleanup() from service_role;

-- main
revoke execute on function app.csv_agg(text) from authenticated;

-- main
revoke execute on function app.csv_step(acc text, x text) from anon;

-- main
revoke execute on function app.csv_step(acc text, x text) from service_role;

-- main, weakens_security
grant execute on function app.csv_agg(text) to public;

-- main
revoke execute on function app.csv_agg(text) from service_role;
