-- main, access_exclusive_lock
alter table public.orders alter column double_quantity set expression as ((quantity * 2));
