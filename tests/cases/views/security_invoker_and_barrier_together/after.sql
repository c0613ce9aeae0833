create table public.accounts (id bigint, owner text);
create view public.acc with (security_invoker = true, security_barrier = true) as select id from public.accounts;
