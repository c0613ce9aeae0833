create foreign data wrapper ledger_fdw;
create server ledger foreign data wrapper ledger_fdw options (host 'ledger.internal', port '5432');
create user mapping for postgres server ledger options (user 'reporting', password 'hunter2');
