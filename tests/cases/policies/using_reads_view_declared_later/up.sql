-- main
create view public.allowed_owners with (security_invoker=true) as
SELECT 1 AS owner_id;

-- main, weakens_security
create policy docs_read on public.docs
  as permissive for select to public
  using ((owner_id IN ( SELECT allowed_owners.owner_id
   FROM public.allowed_owners)));
