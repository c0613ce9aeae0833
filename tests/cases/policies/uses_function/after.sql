create table public.docs (id bigint, team_id bigint);
alter table public.docs enable row level security;
create function public.my_team() returns bigint language sql stable security definer set search_path = '' as $$ select 2::bigint $$;
create policy docs_team on public.docs for select to authenticated using (team_id = public.my_team());
