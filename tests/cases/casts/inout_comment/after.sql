create domain public.code as text;
create type public.kv as (k text, v text);
create cast (public.kv as text) with inout;
comment on cast (public.kv as text) is 'record text';
