-- main
create collation public.c_copy (lc_collate = 'C', lc_ctype = 'C');
