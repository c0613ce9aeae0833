-- main
drop user mapping for postgres server ledger;

-- main
drop user mapping for public server ledger;
