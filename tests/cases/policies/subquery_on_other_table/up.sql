-- main, weakens_security
create policy docs_team on public.docs
  as permissive for select to authenticated
  using ((team_id IN ( SELECT members.team_id
   FROM public.members
  WHERE (members.user_id = auth.uid()))));
