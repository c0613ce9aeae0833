create table public.accounts (id bigint, balance numeric);
create function public.check_balance() returns trigger language plpgsql as $$ begin if new.balance < 0 then raise exception 'negative'; end if; return null; end $$;
