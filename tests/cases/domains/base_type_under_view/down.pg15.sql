-- main
drop view public.big;

-- main, rewrites_table, access_exclusive_lock
alter table public.ledger alter column amount type bigint using amount::bigint;

-- main
drop domain public.amount;

-- main
create domain public.amount as integer;

-- main, rewrites_table, access_exclusive_lock
alter table public.ledger alter column amount type public.amount using amount::public.amount;

-- main
create view public.big as
SELECT ledger.id
   FROM public.ledger
  WHERE ((ledger.amount)::integer > 100);
