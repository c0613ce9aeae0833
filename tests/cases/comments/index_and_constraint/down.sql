-- main
comment on constraint items_pkey on public.items is null;

-- main
comment on index public.items_name_idx is null;
