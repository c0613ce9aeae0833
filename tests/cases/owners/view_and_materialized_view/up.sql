-- main
alter materialized view public.ledger_total owner to creo_case_owner;

-- main
alter view public.ledger_v owner to creo_case_owner;
