-- A column fed by its own sequence narrows to smallint, and the sequence with it: its
-- explicit MAXVALUE already fits.
create sequence public.slot_numbers as smallint maxvalue 30000;
create table public.slots (n smallint not null default nextval('public.slot_numbers'), label text);
alter sequence public.slot_numbers owned by public.slots.n;
