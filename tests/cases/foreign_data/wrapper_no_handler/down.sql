-- main
drop foreign data wrapper ledger_fdw;
