-- main, access_exclusive_lock
alter table public.products drop constraint products_price_check;

-- main, deletes_data, access_exclusive_lock
alter table public.products drop column price;
