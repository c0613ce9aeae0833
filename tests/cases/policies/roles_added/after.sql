create table public.notes (id bigint, owner uuid, body text);
alter table public.notes enable row level security;
create policy notes_read on public.notes for select to authenticated, anon, service_role using (true);
