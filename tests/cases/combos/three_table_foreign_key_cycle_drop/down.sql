-- main
create table public.a (
  id bigint not null,
  b_id bigint
);

-- main
create table public.b (
  id bigint not null,
  c_id bigint
);

-- main
create table public.c (
  id bigint not null,
  a_id bigint
);

-- main
alter table public.a add constraint a_pkey PRIMARY KEY (id);

-- main
alter table public.b add constraint b_pkey PRIMARY KEY (id);

-- main
alter table public.a add constraint a_b FOREIGN KEY (b_id) REFERENCES public.b(id);

-- main
alter table public.c add constraint c_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id);

-- main
alter table public.c add constraint c_pkey PRIMARY KEY (id);

-- main
alter table public.b add constraint b_c FOREIGN KEY (c_id) REFERENCES public.c(id);
