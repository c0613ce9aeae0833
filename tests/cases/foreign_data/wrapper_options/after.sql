create foreign data wrapper ledger_fdw options (debug 'true', mode 'read');
