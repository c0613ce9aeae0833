create type public.status as enum ('a', 'b');
comment on type public.status is 'Lifecycle';
comment on schema public is 'The app';
