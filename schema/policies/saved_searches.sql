-- Public searches are readable by everyone, signed in or not.
create policy saved_searches_select_anon on public.saved_searches
  for select to anon
  using (is_public);

create policy saved_searches_select on public.saved_searches
  for select to authenticated
  using (is_public or user_id = (select auth.uid()) or (select private.is_admin()));

create policy saved_searches_insert on public.saved_searches
  for insert to authenticated
  with check (user_id = (select auth.uid()));

create policy saved_searches_update on public.saved_searches
  for update to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()))
  with check (user_id = (select auth.uid()) or (select private.is_admin()));

create policy saved_searches_delete on public.saved_searches
  for delete to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
