-- main
drop policy docs_owner on public.docs;

-- main
drop view public.v_docs_titles;

-- main
drop view public.v_docs;

-- main, rewrites_table, access_exclusive_lock
alter table public.docs alter column owner_id type bigint using owner_id::bigint;

-- main
create view public.v_docs as
SELECT id,
    owner_id,
    title
   FROM public.docs;

-- main
create view public.v_docs_titles as
SELECT title,
    owner_id
   FROM public.v_docs;

-- main, weakens_security
create policy docs_owner on public.docs
  as permissive for select to authenticated
  using ((owner_id = 1));
