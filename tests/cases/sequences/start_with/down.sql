-- main
alter sequence public.invoice_numbers start with 1;
