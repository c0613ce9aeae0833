-- main
create extension if not exists btree_gist with schema public;

-- main, access_exclusive_lock, index_build
alter table public.bookings add constraint one_booking EXCLUDE USING gist (room WITH =, during WITH &&);

-- main
comment on extension btree_gist is 'support for indexing common datatypes in GiST';
