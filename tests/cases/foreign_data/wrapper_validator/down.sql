-- main
alter foreign data wrapper ledger_fdw no validator;
