-- main
grant select on table public.reports to authenticated with grant option;
