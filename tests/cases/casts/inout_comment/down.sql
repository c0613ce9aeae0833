-- main
drop cast (public.kv as text);
