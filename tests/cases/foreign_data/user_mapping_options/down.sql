-- main
alter user mapping for postgres server ledger options (drop fetch_size, set "user" 'reporting');
