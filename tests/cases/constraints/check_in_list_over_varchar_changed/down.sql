-- main, access_exclusive_lock
alter table public.tasks drop constraint tasks_kind;

-- main, access_exclusive_lock
alter table public.tasks add constraint tasks_kind CHECK (((kind)::text = ANY ((ARRAY['bug'::character varying, 'chore'::character varying])::text[])));
