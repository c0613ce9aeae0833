create table public.members (id bigint, email text not null);
create unique index members_email on public.members (email);
alter table public.members replica identity using index members_email;
