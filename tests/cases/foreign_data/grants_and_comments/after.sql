create foreign data wrapper ledger_fdw;
create server ledger foreign data wrapper ledger_fdw options (host 'ledger.internal', port '5432');
grant usage on foreign data wrapper ledger_fdw to service_role;
grant usage on foreign server ledger to authenticated;
comment on foreign data wrapper ledger_fdw is 'the ledger service';
comment on server ledger is 'primary ledger';
