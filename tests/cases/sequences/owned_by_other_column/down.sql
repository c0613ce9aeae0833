-- main
alter sequence public.order_numbers owned by public.orders.number;
