-- main
drop foreign table public.ledger_entries;
