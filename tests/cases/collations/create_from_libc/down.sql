-- main
drop collation public.c_copy;
