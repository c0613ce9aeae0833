create table public.parents (a integer, b integer, primary key (a, b));
create table public.children (id integer primary key, a integer, b integer);
