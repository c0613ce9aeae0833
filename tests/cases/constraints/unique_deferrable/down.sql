-- main, index_dropped, access_exclusive_lock
alter table public.positions drop constraint positions_rank;

-- main, access_exclusive_lock, index_build
alter table public.positions add constraint positions_rank UNIQUE (rank);
