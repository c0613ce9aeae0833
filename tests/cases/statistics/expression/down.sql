-- main
drop statistics public.people_domain;
