-- main
drop type public.status;

-- main
create table public.status (
  code text not null
);

-- main
alter table public.status add constraint status_pkey PRIMARY KEY (code);
