-- main, rewrites_table, access_exclusive_lock
alter table public.ledger alter column amount type bigint using amount::bigint;

-- main
drop function public.double(a public.amount);

-- main
drop domain public.amount;

-- main
create domain public.amount as integer;

-- main
CREATE OR REPLACE FUNCTION public.double(a public.amount)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select a * 2 $function$;

-- main, rewrites_table, access_exclusive_lock
alter table public.ledger alter column amount type public.amount using amount::public.amount;
