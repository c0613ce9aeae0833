create collation public.c_utf8 (locale = 'C.utf8');
