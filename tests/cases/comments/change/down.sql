-- main
comment on table public.items is 'Things for sale';
