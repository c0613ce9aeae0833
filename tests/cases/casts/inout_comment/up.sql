-- main
create cast (public.kv as text) with inout;

-- main
comment on cast (public.kv as text) is 'record text';
