create table public.base (id bigint, amount numeric);
create table public.child () inherits (public.base);
