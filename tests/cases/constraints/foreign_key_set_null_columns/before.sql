create table public.tenants (id bigint primary key);
create table public.docs (tenant_id bigint not null, id bigint, author_id bigint, primary key (tenant_id, id));
create table public.authors (tenant_id bigint not null, id bigint, primary key (tenant_id, id));
