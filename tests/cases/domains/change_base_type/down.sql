-- main
drop domain public.label;

-- main
create domain public.label as character varying(50);
