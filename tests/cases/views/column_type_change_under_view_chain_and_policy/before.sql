create table public.docs (id bigint, owner_id integer, title text);
alter table public.docs enable row level security;
create policy docs_owner on public.docs for select to authenticated using (owner_id = 1);
create view public.v_docs as select id, owner_id, title from public.docs;
create view public.v_docs_titles as select title, owner_id from public.v_docs;
