create table public.bookings (id bigint primary key, room integer not null, during tstzrange not null);
alter table public.bookings add constraint bookings_no_overlap exclude using gist (during with &&);
