-- main
alter type public.mood owner to current_user;

-- main
alter domain public.email owner to current_user;

-- main
alter type public.pair owner to current_user;
