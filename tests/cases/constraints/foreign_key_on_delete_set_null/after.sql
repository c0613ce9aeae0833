create table public.owners (id bigint primary key);
create table public.pets (id bigint, owner_id bigint references public.owners (id) on delete set null);
