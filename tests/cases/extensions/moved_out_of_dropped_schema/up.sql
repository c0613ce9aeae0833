-- main
create schema ext_new;

-- main
alter extension citext set schema ext_new;

-- main
drop schema ext_old;
