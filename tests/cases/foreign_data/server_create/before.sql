create foreign data wrapper ledger_fdw;
