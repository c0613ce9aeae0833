create table public.docs (id int primary key, owner_id int, status varchar(10));
alter table public.docs enable row level security;
