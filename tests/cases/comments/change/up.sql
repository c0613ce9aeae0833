-- main
comment on table public.items is 'Things we sell';
