create table public.items (id bigint primary key, name text, category text not null default 'misc');
