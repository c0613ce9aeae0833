create table public.accounts (id bigint, owner text, balance numeric);
create view public.my_accounts with (security_barrier) as select id, balance from public.accounts where owner = current_user;
