create table public.slots (id integer generated always as identity (cache 20 cycle), label text);
