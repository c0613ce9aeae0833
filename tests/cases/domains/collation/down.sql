-- main
drop domain public.code;

-- main
create domain public.code as text;
