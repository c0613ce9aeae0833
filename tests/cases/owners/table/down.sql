-- main
alter table public.ledger owner to current_user;
