create table public.items (
  id bigint generated always as identity primary key,
  name text not null,
  price numeric(10,2),
  created_at timestamptz not null default now()
);
create function public.touch_created() returns trigger language plpgsql as $$ begin new.created_at := now(); return new; end $$;
create trigger items_touch before update on public.items for each row when (old.name is distinct from new.name) execute function public.touch_created();
