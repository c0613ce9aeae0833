create table public.accounts (id bigint, email text);
insert into public.accounts values (1, null);
