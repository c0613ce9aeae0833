-- main, deletes_data, access_exclusive_lock
drop table public.notes;

-- main
create table app.notes (
  id bigint not null,
  body text
);

-- main
alter table app.notes add constraint notes_pkey PRIMARY KEY (id);
