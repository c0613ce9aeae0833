-- main
create table public.counters (
  id bigint not null,
  n bigint
);

-- main
CREATE OR REPLACE FUNCTION public.total()
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT sum(counters.n) AS sum
    FROM public.counters;
END;

-- main
alter table public.counters add constraint counters_pkey PRIMARY KEY (id);
