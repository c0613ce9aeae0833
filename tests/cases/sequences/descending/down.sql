-- main, deletes_data
drop sequence public.countdown;
