create table public.positions (id bigint, rank integer, constraint positions_rank unique (rank) deferrable initially deferred);
