create table public.audit (id bigint primary key, body text);
alter table public.audit replica identity full;
