create table public.events (at date not null, owner uuid) partition by range (at);
create table public.events_2024 partition of public.events for values from ('2024-01-01') to ('2025-01-01');
alter table public.events enable row level security;
create policy events_owner on public.events for select to authenticated using (owner = auth.uid());
