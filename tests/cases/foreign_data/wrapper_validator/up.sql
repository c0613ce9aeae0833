-- main
alter foreign data wrapper ledger_fdw validator public.ledger_validator;
