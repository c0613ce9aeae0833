create table public.owners (id bigint primary key);
create table public.pets (id bigint, owner_id bigint, constraint pets_owner foreign key (owner_id) references public.owners (id) deferrable initially deferred);
