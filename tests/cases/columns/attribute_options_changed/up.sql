-- main
create table public.q (
  id integer not null,
  kind text
);

-- main
alter table public.q alter column kind set (n_distinct=12);

-- main
alter table public.p alter column qty reset (n_distinct_inherited);

-- main
alter table public.p alter column qty set (n_distinct=-0.5);

-- main
alter table public.q add constraint q_pkey PRIMARY KEY (id);
