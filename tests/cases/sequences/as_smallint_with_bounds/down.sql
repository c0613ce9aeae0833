-- main
alter sequence public.tickets as bigint maxvalue 9223372036854775807;
