-- main
drop domain public.label;

-- main
create domain public.label as text;
