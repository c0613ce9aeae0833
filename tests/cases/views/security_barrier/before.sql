create table public.accounts (id bigint, owner text, balance numeric);
create view public.my_accounts as select id, balance from public.accounts where owner = current_user;
