-- main
alter sequence public.tickets owner to current_user;
