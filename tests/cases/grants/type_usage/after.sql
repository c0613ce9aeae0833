create type public.mood as enum ('ok', 'meh');
revoke usage on type public.mood from public;
grant usage on type public.mood to authenticated;
