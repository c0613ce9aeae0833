-- main, weakens_security
grant execute on function public.admin_only() to public;

-- main
revoke execute on function public.admin_only() from service_role;
