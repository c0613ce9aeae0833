create table public.lines (qty integer, price numeric, total numeric generated always as (qty * price) stored);
