-- main, access_exclusive_lock
alter table public.archive alter column payload set compression pglz;
