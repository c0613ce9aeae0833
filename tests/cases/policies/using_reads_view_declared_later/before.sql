create table public.docs (id int primary key, owner_id int);
alter table public.docs enable row level security;
