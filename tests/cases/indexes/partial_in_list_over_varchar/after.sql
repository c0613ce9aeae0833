create table public.docs (id int primary key, owner_id int, status varchar(10));
alter table public.docs enable row level security;
create view public.allowed_owners as select 1 as owner_id;
create policy docs_read on public.docs for select using (owner_id in (select owner_id from public.allowed_owners));
create index docs_open on public.docs (id) where status in ('open', 'new');
alter table public.docs add constraint docs_status_check check (status = any (array['open', 'new', 'done']));
