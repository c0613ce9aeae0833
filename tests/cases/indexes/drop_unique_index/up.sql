-- main, index_dropped
drop index public.users_email;
