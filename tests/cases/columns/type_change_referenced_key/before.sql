create table public.accounts (id integer primary key);
create table public.entries (id bigint primary key, account_id integer references public.accounts (id));
