-- main
create table public.ledger (
  id bigint
);

-- main
alter table public.ledger owner to creo_case_owner;
