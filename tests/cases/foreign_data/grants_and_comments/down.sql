-- main
comment on foreign data wrapper ledger_fdw is null;

-- main
revoke usage on foreign data wrapper ledger_fdw from service_role;

-- main
comment on server ledger is null;

-- main
revoke usage on foreign server ledger from authenticated;
