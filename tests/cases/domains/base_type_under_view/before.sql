create domain public.amount as integer;
create table public.ledger (id bigint, amount public.amount);
create view public.big as select id from public.ledger where amount > 100;
