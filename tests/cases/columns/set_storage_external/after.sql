create table public.documents (id bigint, body text);
alter table public.documents alter column body set storage external;
