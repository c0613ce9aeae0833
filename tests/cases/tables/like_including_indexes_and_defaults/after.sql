create table public.base (id int primary key, name text default 'x' not null, created timestamptz default now());
create index base_name on public.base (name);
create table public.copy1 (like public.base including all);
create table public.copy2 (like public.base including defaults including indexes, extra int);
create table public.copy3 (like public.base);
comment on column public.base.name is 'shown name';
create table public.copy4 (like public.base including comments including constraints);
alter table public.base add constraint base_name_check check (name <> '');
