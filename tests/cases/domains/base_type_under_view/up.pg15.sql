-- main
drop view public.big;

-- main, rewrites_table, access_exclusive_lock
alter table public.ledger alter column amount type integer using amount::integer;

-- main
drop domain public.amount;

-- main
create domain public.amount as bigint;

-- main, rewrites_table, access_exclusive_lock
alter table public.ledger alter column amount type public.amount using amount::public.amount;

-- main
create view public.big as
SELECT ledger.id
   FROM public.ledger
  WHERE ((ledger.amount)::bigint > 100);
