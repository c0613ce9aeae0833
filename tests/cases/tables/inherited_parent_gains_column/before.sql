create table public.base (id bigint);
create table public.child () inherits (public.base);
