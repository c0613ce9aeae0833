-- main
alter table public.ledger owner to creo_case_owner;
