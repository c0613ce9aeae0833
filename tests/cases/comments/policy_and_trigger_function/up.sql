-- main
comment on policy items_read on public.items is 'Everyone signed in reads';
