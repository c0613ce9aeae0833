-- A SQL function with a string body (checked at creation unless check_function_bodies is
-- off) that reads a column and a table the same plan adds.
create table public.accounts (id bigint primary key, balance numeric not null default 0);
create table public.entries (id bigint primary key, account bigint references public.accounts);
create function public.total_balance() returns numeric language sql stable as $$
  select coalesce(sum(a.balance), 0) + (select count(*) from public.entries) from public.accounts a
$$;
