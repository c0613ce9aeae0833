-- main
create table public.points (
  x double precision not null,
  y double precision not null,
  z double precision not null
);

-- main
alter table public.points of public.point3;

-- main
alter table public.points add constraint points_pkey PRIMARY KEY (x, y, z);
