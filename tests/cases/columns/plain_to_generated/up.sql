-- main, deletes_data, access_exclusive_lock
alter table public.lines drop column total;

-- main, access_exclusive_lock
alter table public.lines add column total numeric generated always as (((qty)::numeric * price)) stored;
