-- main
alter materialized view public.ledger_total owner to current_user;

-- main
alter view public.ledger_v owner to current_user;
