-- main
drop view public.order_notes;

-- main, deletes_data, access_exclusive_lock
alter table public.orders drop column note;

-- main
create view public.order_notes as
SELECT orders.id,
    NULL::text AS note
   FROM public.orders;
