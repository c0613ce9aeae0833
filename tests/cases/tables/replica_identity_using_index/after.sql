create table public.members (id bigint, email text not null, constraint members_email unique (email));
alter table public.members replica identity using index members_email;
