create domain public.label as text;
