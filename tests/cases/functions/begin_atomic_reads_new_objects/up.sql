-- main
create type public.pair as (x integer, y integer);

-- main
create sequence public.s as bigint increment by 1 minvalue 1 maxvalue 9223372036854775807 start with 1 cache 1 no cycle;

-- main
CREATE OR REPLACE FUNCTION public.mk()
 RETURNS public.pair
 LANGUAGE sql
RETURN ROW(1, 2)::public.pair;

-- main
CREATE OR REPLACE FUNCTION public.n()
 RETURNS bigint
 LANGUAGE sql
RETURN nextval('public.s'::regclass);

-- main, access_exclusive_lock
alter table public.t add column extra integer;

-- main
CREATE OR REPLACE FUNCTION public.a()
 RETURNS integer
 LANGUAGE sql
 STABLE
RETURN (SELECT max(t.extra) AS max FROM public.t);

-- main, weakens_security
create view public.v as
SELECT id
   FROM public.t;

-- main
CREATE OR REPLACE FUNCTION public.z()
 RETURNS integer
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT (count(*))::integer AS count
    FROM public.v;
END;

-- main
CREATE OR REPLACE FUNCTION public.b()
 RETURNS integer
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT (public.z() + public.a());
END;
