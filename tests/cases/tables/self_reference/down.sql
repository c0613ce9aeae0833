-- main, access_exclusive_lock
alter table public.nodes drop constraint nodes_parent_id_fkey;

-- main, deletes_data, access_exclusive_lock
alter table public.nodes drop column parent_id;
