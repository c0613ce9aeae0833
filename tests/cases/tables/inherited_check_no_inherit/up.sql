-- main, access_exclusive_lock
alter table public.base add constraint base_only CHECK ((amount > (0)::numeric)) NO INHERIT not valid;

-- validate
alter table public.base validate constraint base_only;
