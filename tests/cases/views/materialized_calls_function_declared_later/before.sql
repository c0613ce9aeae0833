create table public.prices (cents int);
