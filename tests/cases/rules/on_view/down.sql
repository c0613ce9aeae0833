-- main
drop rule people_v_insert on public.people_v;
