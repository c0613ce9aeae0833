-- main
create table public.copy1 (
  id integer not null,
  name text default 'x'::text not null,
  created timestamp with time zone default now()
);

-- main
create table public.copy2 (
  id integer not null,
  name text default 'x'::text not null,
  created timestamp with time zone default now(),
  extra integer
);

-- main
create table public.copy3 (
  id integer not null,
  name text not null,
  created timestamp with time zone
);

-- main
create table public.copy4 (
  id integer not null,
  name text not null,
  created timestamp with time zone
);

-- main, access_exclusive_lock
alter table public.base add constraint base_name_check CHECK ((name <> ''::text)) not valid;

-- main
alter table public.copy1 add constraint copy1_pkey PRIMARY KEY (id);

-- main
alter table public.copy2 add constraint copy2_pkey PRIMARY KEY (id);

-- main
CREATE INDEX copy1_name_idx ON public.copy1 USING btree (name);

-- main
CREATE INDEX copy2_name_idx ON public.copy2 USING btree (name);

-- main
comment on column public.copy4.name is 'shown name';

-- main
comment on column public.base.name is 'shown name';

-- validate
alter table public.base validate constraint base_name_check;
