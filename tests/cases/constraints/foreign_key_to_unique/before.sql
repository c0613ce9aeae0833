create table public.users (id bigint primary key, handle text not null unique);
create table public.mentions (id bigint, handle text);
