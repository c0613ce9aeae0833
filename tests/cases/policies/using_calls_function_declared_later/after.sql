-- The policy's USING now calls a function written after it in the file.
create table public.docs (id int primary key, owner_id int);
alter table public.docs enable row level security;
create policy docs_read on public.docs for select using (public.may_read(owner_id));
create function public.may_read(owner int) returns boolean language sql stable as 'select owner > 0';
