-- main, access_exclusive_lock
alter table public.tasks drop constraint tasks_kind;

-- main, access_exclusive_lock
alter table public.tasks add constraint tasks_kind CHECK (((kind)::text = ANY ((ARRAY['bug'::character varying, 'chore'::character varying, 'feature'::character varying])::text[]))) not valid;

-- validate
alter table public.tasks validate constraint tasks_kind;
