-- main
alter table public.orders drop column double_quantity;

-- main, access_exclusive_lock
alter table public.orders add column double_quantity integer generated always as ((quantity * 2)) stored;
