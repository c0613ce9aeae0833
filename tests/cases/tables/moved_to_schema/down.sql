-- main, deletes_data, access_exclusive_lock
drop table app.notes;

-- main
create table public.notes (
  id bigint not null,
  body text
);

-- main
alter table public.notes add constraint notes_pkey PRIMARY KEY (id);
