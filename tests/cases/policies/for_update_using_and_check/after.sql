create table public.notes (id bigint, owner uuid, body text);
alter table public.notes enable row level security;
create policy notes_update on public.notes for update to authenticated using (owner = auth.uid()) with check (owner = auth.uid() and body <> '');
