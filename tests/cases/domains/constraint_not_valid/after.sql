create domain public.code as text;
alter domain public.code add constraint code_short check (length(value) <= 8) not valid;
