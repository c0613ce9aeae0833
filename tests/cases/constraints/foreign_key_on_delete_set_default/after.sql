create table public.owners (id bigint primary key);
create table public.pets (id bigint, owner_id bigint default 0 references public.owners (id) on delete set default);
