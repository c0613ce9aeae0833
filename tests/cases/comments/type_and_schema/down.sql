-- main
comment on type public.status is null;
