-- main, deletes_data
drop table app.settings;

-- main
drop schema app;
