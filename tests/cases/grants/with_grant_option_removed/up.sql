-- main
revoke grant option for select on table public.reports from authenticated;
