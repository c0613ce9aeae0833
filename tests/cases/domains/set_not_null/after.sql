create domain public.label as text not null;
