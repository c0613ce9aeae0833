-- main
drop trigger people_v_insert on public.people_v;
