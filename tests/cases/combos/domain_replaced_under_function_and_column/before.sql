create domain public.amount as integer;
create table public.ledger (id bigint, amount public.amount);
create function public.double(a public.amount) returns integer language sql immutable as $$ select a * 2 $$;
