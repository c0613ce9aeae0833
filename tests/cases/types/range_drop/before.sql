create type public.floatrange as range (subtype = float8);
