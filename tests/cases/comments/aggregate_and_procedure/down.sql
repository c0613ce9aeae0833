-- main
comment on procedure public.cleanup() is null;

-- main
comment on aggregate public.sum_sq(numeric) is null;
