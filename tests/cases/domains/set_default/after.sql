create domain public.label as text default 'none';
