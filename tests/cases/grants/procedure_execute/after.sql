create procedure public.cleanup() language sql as $$ select 1 $$;
revoke execute on procedure public.cleanup() from public;
grant execute on procedure public.cleanup() to service_role;
