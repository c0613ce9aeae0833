-- main, access_exclusive_lock
alter table public.p add column total numeric generated always as ((price * (qty)::numeric)) virtual;
