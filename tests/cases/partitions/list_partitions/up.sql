-- main
create table public.events (
  id bigint not null,
  kind text not null
) partition by LIST (kind);

-- main
create table public.events_click partition of public.events
  FOR VALUES IN ('click');

-- main
create table public.events_other partition of public.events
  DEFAULT;

-- main
alter table public.events add constraint events_pkey PRIMARY KEY (id, kind);
