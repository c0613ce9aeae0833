-- An expression index calls a function written after it in the file.
create table public.people (email text);
create unique index people_email_key on public.people (public.normalized(email));
create function public.normalized(v text) returns text language sql immutable as 'select lower(trim(v))';
