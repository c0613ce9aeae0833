-- main
comment on type public.address is null;

-- main
comment on column public.address.city is null;
