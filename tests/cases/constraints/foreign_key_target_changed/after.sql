create table public.users (id bigint primary key);
create table public.admins (id bigint primary key);
create table public.logs (id bigint, actor bigint, constraint logs_actor foreign key (actor) references public.admins (id));
