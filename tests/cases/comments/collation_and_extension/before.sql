create collation public.c_copy from "C";
