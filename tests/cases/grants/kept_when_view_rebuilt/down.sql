-- main
drop view public.order_totals;

-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.orders alter column total type integer using total::integer;

-- main
create view public.order_totals as
SELECT id,
    total
   FROM public.orders;

-- main
grant select on table public.order_totals to authenticated;
