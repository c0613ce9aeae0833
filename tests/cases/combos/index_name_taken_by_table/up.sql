-- main, index_dropped
drop index public.lookup;

-- main
create table public.lookup (
  name text not null
);

-- main
alter table public.lookup add constraint lookup_pkey PRIMARY KEY (name);
