-- main, rewrites_table, access_exclusive_lock
alter table public.posts alter column tags type text[] using tags::text[];

-- main
drop domain public.tag;

-- main
create domain public.tag as text;

-- main
alter domain public.tag add constraint tag_chars CHECK ((VALUE ~ '^[a-z0-9]+$'::text));

-- main, rewrites_table, access_exclusive_lock
alter table public.posts alter column tags type public.tag[] using tags::public.tag[];
