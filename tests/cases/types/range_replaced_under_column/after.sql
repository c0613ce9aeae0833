create type public.floatrange as range (subtype = float8, subtype_diff = float8mi);
create table public.bands (id bigint, span public.floatrange);
