-- main
drop view public.order_totals;

-- main, rewrites_table, access_exclusive_lock
alter table public.orders alter column total type bigint using total::bigint;

-- main
create view public.order_totals as
SELECT id,
    total
   FROM public.orders;

-- main
comment on column public.order_totals.total is 'the total';

-- main
comment on view public.order_totals is 'per order';
