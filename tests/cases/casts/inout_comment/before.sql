create domain public.code as text;
create type public.kv as (k text, v text);
