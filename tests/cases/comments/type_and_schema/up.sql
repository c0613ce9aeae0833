-- main
comment on type public.status is 'Lifecycle';
