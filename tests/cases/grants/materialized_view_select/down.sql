-- main
revoke select on table public.sales_total from authenticated;
