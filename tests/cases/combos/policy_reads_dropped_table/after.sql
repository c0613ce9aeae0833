create table public.docs (id bigint, team_id bigint);
alter table public.docs enable row level security;
create policy docs_team on public.docs for select to authenticated using (false);
