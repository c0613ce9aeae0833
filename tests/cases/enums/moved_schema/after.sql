create schema app;
create type app.mood as enum ('ok', 'meh');
