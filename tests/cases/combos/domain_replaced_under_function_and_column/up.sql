-- main, rewrites_table, access_exclusive_lock
alter table public.ledger alter column amount type integer using amount::integer;

-- main
drop function public.double(a public.amount);

-- main
drop domain public.amount;

-- main
create domain public.amount as bigint;

-- main
CREATE OR REPLACE FUNCTION public.double(a public.amount)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select (a * 2)::integer $function$;

-- main, rewrites_table, access_exclusive_lock
alter table public.ledger alter column amount type public.amount using amount::public.amount;
