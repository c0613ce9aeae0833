create table public.owners (id bigint primary key);
create table public.pets (id bigint primary key, owner_id bigint references public.owners (id));
