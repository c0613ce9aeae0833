-- main
drop foreign table public.ledger_entries;

-- main
drop user mapping for postgres server ledger;

-- main
drop server ledger;

-- main
drop foreign data wrapper ledger_fdw;
