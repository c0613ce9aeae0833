-- main
drop type public.floatrange;

-- main
create type public.floatrange as range (subtype = double precision, subtype_diff = float8mi);
