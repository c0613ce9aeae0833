create table public.ratings (id bigint, stars integer check (stars between 1 and 5));
