create domain public.code as text constraint code_upper check (value = upper(value));
