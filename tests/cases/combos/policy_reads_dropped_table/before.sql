create table public.members (team_id bigint, user_id uuid);
create table public.docs (id bigint, team_id bigint);
alter table public.docs enable row level security;
create policy docs_team on public.docs for select to authenticated using (team_id in (select team_id from public.members where user_id = auth.uid()));
