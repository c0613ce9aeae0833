-- main
alter table public.payments validate constraint payments_positive;
