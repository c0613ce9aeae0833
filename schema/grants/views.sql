-- Dashboards are for signed-in users and the backend; never anon. Select only.
revoke all on table public.user_dashboard from anon, authenticated, service_role;
grant select on table public.user_dashboard to authenticated, service_role;

revoke all on table public.admin_dashboard from anon, authenticated, service_role;
grant select on table public.admin_dashboard to authenticated, service_role;
