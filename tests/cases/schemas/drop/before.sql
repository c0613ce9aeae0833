create schema app;
create table app.settings (key text primary key, value jsonb);
