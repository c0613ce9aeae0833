-- main
drop collation public.c_utf8;
