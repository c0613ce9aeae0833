-- main
create schema ext_old;

-- main
alter extension citext set schema ext_old;

-- main
alter extension pg_trgm set schema s1;

-- main
drop schema ext_new;
