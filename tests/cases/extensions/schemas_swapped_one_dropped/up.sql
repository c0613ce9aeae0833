-- main
create schema ext_new;

-- main
alter extension citext set schema s1;

-- main
drop schema ext_old;

-- main
alter extension pg_trgm set schema ext_new;
