-- main, access_exclusive_lock
alter table public.children drop constraint children_a_b_fkey;
