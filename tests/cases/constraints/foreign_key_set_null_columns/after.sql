create table public.tenants (id bigint primary key);
create table public.authors (tenant_id bigint not null, id bigint, primary key (tenant_id, id));
create table public.docs (tenant_id bigint not null, id bigint, author_id bigint, primary key (tenant_id, id),
  constraint docs_author foreign key (tenant_id, author_id) references public.authors (tenant_id, id) on delete set null (author_id));
