create domain public.email as text;
