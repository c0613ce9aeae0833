-- main
comment on constraint items_pkey on public.items is 'The key';

-- main
comment on index public.items_name_idx is 'Search by name';
