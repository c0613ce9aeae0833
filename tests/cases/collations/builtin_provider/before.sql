create table public.names (n text);
