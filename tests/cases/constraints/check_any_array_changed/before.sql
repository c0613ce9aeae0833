create table public.orders (id int, status text, constraint orders_status check (status = any (array['new', 'paid'])));
