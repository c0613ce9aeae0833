-- main, access_exclusive_lock
alter table public.nodes add column parent_id bigint;

-- main, share_lock
alter table public.nodes add constraint nodes_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.nodes(id) ON DELETE CASCADE not valid;

-- validate
alter table public.nodes validate constraint nodes_parent_id_fkey;
