create table public.tags (name text not null primary key, label text);
