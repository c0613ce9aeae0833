-- main
create server ledger type 'postgres' version '16'
  foreign data wrapper ledger_fdw
  options (host 'ledger.internal', port '5432');
