-- main
alter foreign data wrapper ledger_fdw options (drop debug, drop mode);
