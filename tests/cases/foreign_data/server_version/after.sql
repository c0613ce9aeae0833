create foreign data wrapper ledger_fdw;
create server ledger version '16.2' foreign data wrapper ledger_fdw;
