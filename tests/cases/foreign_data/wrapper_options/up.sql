-- main
alter foreign data wrapper ledger_fdw options (add debug 'true', add mode 'read');
