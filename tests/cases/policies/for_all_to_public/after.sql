create table public.notes (id bigint, owner uuid, body text);
alter table public.notes enable row level security;
create policy notes_all on public.notes using (true);
