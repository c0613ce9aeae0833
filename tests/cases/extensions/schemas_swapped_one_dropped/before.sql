create schema ext_old;
create schema s1;
create extension citext with schema ext_old;
create extension pg_trgm with schema s1;
