-- main, index_dropped
drop index public.people_nickname;

-- main, deletes_data, access_exclusive_lock
alter table public.people drop column nickname;
