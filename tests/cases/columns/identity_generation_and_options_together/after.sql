-- One ALTER COLUMN can change the generation and the sequence's options together.
create table public.orders (id bigint generated always as identity (start with 100 increment by 5 cache 10), total numeric);
