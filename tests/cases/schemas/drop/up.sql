-- main, deletes_data, access_exclusive_lock
drop table app.settings;

-- main
drop schema app;
