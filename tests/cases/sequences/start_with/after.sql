create sequence public.invoice_numbers start with 10000 minvalue 1;
