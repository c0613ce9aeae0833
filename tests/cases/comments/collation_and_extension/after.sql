create collation public.c_copy from "C";
comment on collation public.c_copy is 'byte order';
