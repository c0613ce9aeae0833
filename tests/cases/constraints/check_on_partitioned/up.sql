-- main, access_exclusive_lock
alter table public.events add constraint events_kind CHECK ((kind <> ''::text)) not valid;

-- validate
alter table public.events validate constraint events_kind;
