-- main
create collation public.c_utf8 (lc_collate = 'C.utf8', lc_ctype = 'C.utf8');
