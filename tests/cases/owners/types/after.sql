create type public.mood as enum ('ok', 'meh');
create domain public.email as text;
create type public.pair as (a integer, b integer);
alter type public.mood owner to creo_case_owner;
alter domain public.email owner to creo_case_owner;
alter type public.pair owner to creo_case_owner;
