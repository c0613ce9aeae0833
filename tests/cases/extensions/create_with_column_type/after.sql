create extension if not exists citext with schema extensions;
create table public.accounts (id bigint primary key, email extensions.citext not null);
