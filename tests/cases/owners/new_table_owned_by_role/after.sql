create table public.ledger (id bigint);
alter table public.ledger owner to creo_case_owner;
