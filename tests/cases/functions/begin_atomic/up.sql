-- main
create table public.counters (
  id bigint not null,
  n bigint default 0 not null
);

-- main
CREATE OR REPLACE FUNCTION public.bump(which bigint)
 RETURNS bigint
 LANGUAGE sql
BEGIN ATOMIC
 UPDATE public.counters SET n = (counters.n + 1)
   WHERE (counters.id = bump.which);
 SELECT counters.n
    FROM public.counters
   WHERE (counters.id = bump.which);
END;

-- main
alter table public.counters add constraint counters_pkey PRIMARY KEY (id);
