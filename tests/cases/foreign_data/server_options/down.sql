-- main
alter server ledger options (drop dbname, set host 'ledger.internal', add port '5432');
