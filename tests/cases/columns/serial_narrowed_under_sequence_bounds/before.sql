create sequence public.slot_numbers as integer maxvalue 30000;
create table public.slots (n integer not null default nextval('public.slot_numbers'), label text);
alter sequence public.slot_numbers owned by public.slots.n;
