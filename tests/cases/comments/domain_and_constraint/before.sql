create domain public.email as text constraint email_at check (value like '%@%');
