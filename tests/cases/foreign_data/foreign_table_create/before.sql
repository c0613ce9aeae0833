create foreign data wrapper ledger_fdw;
create server ledger foreign data wrapper ledger_fdw options (host 'ledger.internal', port '5432');
