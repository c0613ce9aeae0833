create extension if not exists btree_gist; create table public.r (id int, during tstzrange not null, primary key (id));
