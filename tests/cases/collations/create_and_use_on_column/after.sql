create collation public.bytes (lc_collate = 'C', lc_ctype = 'POSIX');
create table public.users (id bigint, handle text collate public.bytes unique);
