create table public.periods (id bigint, starts date);
