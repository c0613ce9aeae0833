create type public.pair as (a integer, b integer, c integer);
create function public.sum_pair(p public.pair) returns integer language sql immutable as $$ select p.a + p.b $$;
