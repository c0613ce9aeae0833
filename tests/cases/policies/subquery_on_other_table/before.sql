create table public.teams (id bigint primary key);
create table public.members (team_id bigint, user_id uuid);
create table public.docs (id bigint, team_id bigint);
alter table public.docs enable row level security;
