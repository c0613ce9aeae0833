create table public.members (id bigint primary key, email text not null, constraint members_email unique (email));
