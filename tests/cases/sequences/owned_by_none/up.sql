-- main
alter sequence public.order_numbers owned by none;
