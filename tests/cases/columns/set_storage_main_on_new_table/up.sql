-- main
create table public.documents (
  id bigint,
  body text,
  blob bytea
);

-- main
alter table public.documents alter column blob set storage main;
