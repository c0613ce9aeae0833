create table public.accounts (id int not null, email text not null);
