create table public.owners (code text primary key);
create table public.pets (id bigint, owner_code text references public.owners (code));
