-- main
alter table public.pets validate constraint pets_owner;
