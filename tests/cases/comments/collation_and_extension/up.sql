-- main
comment on collation public.c_copy is 'byte order';
