-- main
create collation public.bytes (lc_collate = 'C', lc_ctype = 'POSIX');

-- main
create table public.users (
  id bigint,
  handle text collate public.bytes
);

-- main
alter table public.users add constraint users_handle_key UNIQUE (handle);
