-- main, weakens_security
grant execute on procedure public.cleanup() to public;

-- main
revoke execute on procedure public.cleanup() from service_role;
