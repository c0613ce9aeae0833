create domain public.tag as text check (value ~ '^[a-z]+$');
