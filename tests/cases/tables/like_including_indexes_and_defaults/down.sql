-- main, access_exclusive_lock
alter table public.base drop constraint base_name_check;

-- main, deletes_data, access_exclusive_lock
drop table public.copy1;

-- main, deletes_data, access_exclusive_lock
drop table public.copy2;

-- main, deletes_data, access_exclusive_lock
drop table public.copy3;

-- main, deletes_data, access_exclusive_lock
drop table public.copy4;

-- main
comment on column public.base.name is null;
