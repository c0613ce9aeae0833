-- main, access_exclusive_lock
alter table public.books drop constraint books_author_id_fkey;

-- main, deletes_data, access_exclusive_lock
drop table public.authors;
