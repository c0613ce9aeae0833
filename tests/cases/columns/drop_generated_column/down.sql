-- main, access_exclusive_lock
alter table public.lines add column total numeric generated always as (((qty)::numeric * price)) stored;
