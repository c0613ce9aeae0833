create table public.shifts (id int, during tsrange);
