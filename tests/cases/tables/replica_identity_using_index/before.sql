create table public.members (id bigint, email text not null, constraint members_email unique (email));
