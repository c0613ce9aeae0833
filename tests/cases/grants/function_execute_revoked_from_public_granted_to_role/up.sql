-- main
revoke execute on function public.admin_only() from public;

-- main
grant execute on function public.admin_only() to service_role;
