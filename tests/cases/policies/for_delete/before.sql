create table public.notes (id bigint, owner uuid, body text);
alter table public.notes enable row level security;
