-- main
create schema app;

-- main
create table app.settings (
  key text not null,
  value jsonb
);

-- main
alter table app.settings add constraint settings_pkey PRIMARY KEY (key);
