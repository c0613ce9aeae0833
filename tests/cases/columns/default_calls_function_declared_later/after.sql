-- A column default calls a function written after the table in the file.
create table public.tickets (id int, code text default public.new_code());
create function public.new_code() returns text language sql volatile as $$ select md5(random()::text) $$;
