-- main, access_exclusive_lock
alter table public.orders add column note text;

-- main
create or replace view public.order_notes as
SELECT orders.id,
    orders.note
   FROM public.orders;
