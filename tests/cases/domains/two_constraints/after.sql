create domain public.code as text constraint code_upper check (value = upper(value)) constraint code_short check (length(value) <= 8);
