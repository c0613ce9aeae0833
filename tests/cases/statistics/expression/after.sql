create table public.people (id bigint, email text);
create statistics public.people_domain on (lower(email)), (split_part(email, '@', 2)) from public.people;
