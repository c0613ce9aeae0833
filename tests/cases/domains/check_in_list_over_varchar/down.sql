-- main
alter domain public.task_kind drop constraint task_kind_known;

-- main
alter domain public.task_kind add constraint task_kind_known CHECK (((VALUE)::text = ANY ((ARRAY['bug'::character varying, 'chore'::character varying])::text[])));
