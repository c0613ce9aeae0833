create schema ext_old;
create extension citext with schema ext_old;
