-- main
revoke execute on procedure public.cleanup() from public;

-- main
grant execute on procedure public.cleanup() to service_role;
