-- main
alter collation public.c_copy owner to creo_case_owner;

-- main
alter aggregate public.sum_sq(numeric) owner to creo_case_owner;
