-- main
alter user mapping for postgres server ledger options (set "user" 'ledger_reader', add fetch_size '500');
