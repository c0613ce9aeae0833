create table public.accounts (id bigint primary key);
create table public.entries (id bigint primary key, account_id bigint references public.accounts (id));
