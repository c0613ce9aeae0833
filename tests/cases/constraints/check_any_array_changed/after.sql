-- The server keeps `= ANY (ARRAY[...])` as written, with casts: the desired and the target
-- copies compare alike where the list is the same, and differ where it is not.
create table public.orders (
  id int, status text,
  constraint orders_status check (status = any (array['new', 'paid', 'shipped'])),
  constraint orders_not_void check (status <> all (array['void', 'lost']))
);
