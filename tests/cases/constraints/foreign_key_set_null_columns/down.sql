-- main, access_exclusive_lock
alter table public.docs drop constraint docs_author;
