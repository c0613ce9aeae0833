create table public.teams (id bigint primary key, captain_id bigint);
