-- main
create table public.members (
  team_id bigint,
  user_id uuid
);

-- main, weakens_security
alter policy docs_team on public.docs
  using ((team_id IN ( SELECT members.team_id
   FROM public.members
  WHERE (members.user_id = auth.uid()))));
