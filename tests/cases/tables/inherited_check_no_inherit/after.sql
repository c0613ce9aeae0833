create table public.base (id bigint, amount numeric, constraint base_only check (amount > 0) no inherit);
create table public.child () inherits (public.base);
