-- SQL-standard bodies (BEGIN ATOMIC, RETURN) are parsed at creation whatever
-- check_function_bodies says: each must come after what it reads, as pg_depend records it
-- (a column added, a view, a sequence, a composite type, another such function whose name
-- sorts after its caller's).
create table public.t (id int primary key, extra int);
create view public.v as select id from public.t;
create sequence public.s;
create type public.pair as (x int, y int);
create function public.a() returns int language sql stable return (select max(extra) from public.t);
create function public.b() returns int language sql stable begin atomic select public.z() + public.a(); end;
create function public.z() returns int language sql stable begin atomic select count(*)::int from public.v; end;
create function public.n() returns bigint language sql return nextval('public.s');
create function public.mk() returns public.pair language sql return row(1, 2)::public.pair;
