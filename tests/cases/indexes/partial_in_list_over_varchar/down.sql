-- main
drop policy docs_read on public.docs;

-- main
drop view public.allowed_owners;

-- main, index_dropped
drop index public.docs_open;

-- main, access_exclusive_lock
alter table public.docs drop constraint docs_status_check;
