create table public.tags (name text not null, label text);
