create table public.marker ();
