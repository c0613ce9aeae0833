create table public.notes (id bigint, owner uuid, body text);
alter table public.notes enable row level security;
create policy notes_delete on public.notes for delete to authenticated using (owner = auth.uid());
