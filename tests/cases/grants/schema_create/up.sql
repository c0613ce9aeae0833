-- main
grant create, usage on schema scratch to authenticated;
