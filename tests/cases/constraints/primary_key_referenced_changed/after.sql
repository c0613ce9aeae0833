create table public.teams (id bigint not null, code text not null, constraint teams_pkey primary key (id) with (fillfactor = 80));
create table public.players (id bigint primary key, team_id bigint references public.teams (id));
