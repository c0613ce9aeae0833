-- main
create table public.jobs (
  id bigint,
  done boolean default false
);

-- main
CREATE OR REPLACE PROCEDURE public.finish(IN which bigint)
 LANGUAGE sql
BEGIN ATOMIC
 UPDATE public.jobs SET done = true
   WHERE (jobs.id = finish.which);
END;
