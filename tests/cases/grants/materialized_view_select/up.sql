-- main, weakens_security
grant select on table public.sales_total to authenticated;
