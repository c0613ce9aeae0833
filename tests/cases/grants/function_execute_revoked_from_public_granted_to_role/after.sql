create function public.admin_only() returns integer language sql as $$ select 1 $$;
revoke execute on function public.admin_only() from public;
grant execute on function public.admin_only() to service_role;
