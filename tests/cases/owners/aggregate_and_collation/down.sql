-- main
alter collation public.c_copy owner to current_user;

-- main
alter aggregate public.sum_sq(numeric) owner to current_user;
