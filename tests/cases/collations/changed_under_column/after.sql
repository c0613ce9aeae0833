create collation public.sorted (lc_collate = 'POSIX', lc_ctype = 'POSIX');
create table public.users (id bigint, handle text collate public.sorted);
