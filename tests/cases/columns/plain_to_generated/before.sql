create table public.lines (qty integer, price numeric, total numeric);
