-- main
comment on table public.items is null;
