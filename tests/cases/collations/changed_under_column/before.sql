create collation public.sorted (lc_collate = 'C', lc_ctype = 'C');
create table public.users (id bigint, handle text collate public.sorted);
