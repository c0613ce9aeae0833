-- main
comment on foreign data wrapper ledger_fdw is 'the ledger service';

-- main
grant usage on foreign data wrapper ledger_fdw to service_role;

-- main
comment on server ledger is 'primary ledger';

-- main
grant usage on foreign server ledger to authenticated;
