create table public.ratings (id bigint, stars smallint check (stars between 1 and 5));
