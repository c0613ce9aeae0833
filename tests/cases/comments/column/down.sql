-- main
comment on column public.items.price is null;
