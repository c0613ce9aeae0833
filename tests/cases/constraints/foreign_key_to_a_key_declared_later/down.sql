-- main, deletes_data, access_exclusive_lock
drop table public.child;

-- main, index_dropped, access_exclusive_lock
alter table public.parent drop constraint parent_code_key;

-- main, deletes_data, access_exclusive_lock
drop table public.other_child;

-- main, index_dropped
drop index public.parent_ref_idx;

-- main, deletes_data, access_exclusive_lock
alter table public.parent drop column ref;
