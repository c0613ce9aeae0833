create table public.notes (id bigint, owner uuid);
alter table public.notes enable row level security;
create policy notes_read on public.notes for select to authenticated using (true);
create function public.noop() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger notes_noop before insert on public.notes for each row execute function public.noop();
comment on policy notes_read on public.notes is 'v2';
comment on trigger notes_noop on public.notes is 'v2';
