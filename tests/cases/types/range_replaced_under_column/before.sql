create type public.floatrange as range (subtype = float8);
create table public.bands (id bigint, span public.floatrange);
