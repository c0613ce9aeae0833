create table public.users (id bigint, name text, email text);
create function public.find_users(q text) returns table (id bigint, name text) language sql stable as $$ select id, name from public.users where name like q $$;
