-- main
create table public.marker ();
