-- main
drop procedure public.reset_prices();
