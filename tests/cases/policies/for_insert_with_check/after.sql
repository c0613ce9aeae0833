create table public.notes (id bigint, owner uuid, body text);
alter table public.notes enable row level security;
create policy notes_insert on public.notes for insert to authenticated with check (owner = auth.uid());
