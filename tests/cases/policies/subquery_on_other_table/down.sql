-- main
drop policy docs_team on public.docs;
