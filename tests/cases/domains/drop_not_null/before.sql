create domain public.name_text as text not null;
