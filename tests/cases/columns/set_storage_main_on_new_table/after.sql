create table public.documents (id bigint, body text, blob bytea);
alter table public.documents alter column blob set storage main;
