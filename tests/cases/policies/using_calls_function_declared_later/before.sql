create table public.docs (id int primary key, owner_id int);
alter table public.docs enable row level security;
create policy docs_read on public.docs for select using (owner_id > 0);
