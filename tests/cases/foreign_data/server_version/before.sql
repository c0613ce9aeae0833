create foreign data wrapper ledger_fdw;
create server ledger version '15' foreign data wrapper ledger_fdw;
