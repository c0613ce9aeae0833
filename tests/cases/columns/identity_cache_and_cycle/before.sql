create table public.slots (id integer generated always as identity, label text);
