create table public.ledger (id bigint, amount numeric);
create view public.ledger_v as select id from public.ledger;
create materialized view public.ledger_total as select sum(amount) as total from public.ledger;
alter view public.ledger_v owner to creo_case_owner;
alter materialized view public.ledger_total owner to creo_case_owner;
