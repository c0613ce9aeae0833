create table public.base (id int primary key, name text default 'x' not null, created timestamptz default now());
create index base_name on public.base (name);
