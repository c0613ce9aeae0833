create table public.teams (id bigint primary key, captain_id bigint);
create table public.players (id bigint primary key, team_id bigint references public.teams (id));
alter table public.teams add constraint teams_captain foreign key (captain_id) references public.players (id);
