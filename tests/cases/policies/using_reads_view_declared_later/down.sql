-- main
drop policy docs_read on public.docs;

-- main
drop view public.allowed_owners;
