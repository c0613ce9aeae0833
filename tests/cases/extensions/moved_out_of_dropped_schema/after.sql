create schema ext_new;
create extension citext with schema ext_new;
