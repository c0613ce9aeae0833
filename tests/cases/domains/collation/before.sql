create domain public.code as text;
