create domain public.code as text constraint code_short check (length(value) <= 8);
