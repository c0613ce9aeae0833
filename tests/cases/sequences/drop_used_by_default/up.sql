-- main, access_exclusive_lock
alter table public.a alter column id drop default;

-- main, deletes_data
drop sequence public.global_ids;
