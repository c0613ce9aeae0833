create table public.accounts (id int not null, email text not null);
alter table public.accounts add constraint accounts_pkey primary key using index accounts_id_idx;
alter table public.accounts add constraint accounts_email_key unique using index accounts_email_idx;
create unique index accounts_id_idx on public.accounts (id);
create unique index accounts_email_idx on public.accounts (email);
