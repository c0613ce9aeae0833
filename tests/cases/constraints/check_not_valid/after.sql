create table public.payments (id bigint, amount numeric);
alter table public.payments add constraint payments_positive check (amount > 0) not valid;
