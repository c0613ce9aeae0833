-- main
create schema ext_old;

-- main
alter extension citext set schema ext_old;

-- main
drop schema ext_new;
