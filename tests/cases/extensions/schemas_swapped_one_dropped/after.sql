create schema ext_new;
create schema s1;
create extension citext with schema s1;
create extension pg_trgm with schema ext_new;
