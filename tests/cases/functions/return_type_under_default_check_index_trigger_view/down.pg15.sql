-- main
drop view public.people_names;

-- main, index_dropped
drop index public.people_name;

-- main, access_exclusive_lock
alter table public.people drop constraint name_normal;

-- main, access_exclusive_lock
alter table public.people alter column name drop default;

-- main
drop function public.norm(t text);

-- main
CREATE OR REPLACE FUNCTION public.norm(t text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ select lower(t) $function$;

-- main, access_exclusive_lock
alter table public.people alter column name set default public.norm('Anonymous'::text);

-- main, access_exclusive_lock
alter table public.people add constraint name_normal CHECK ((name = public.norm(name)));

-- main, index_build, share_lock
CREATE INDEX people_name ON public.people USING btree (public.norm(name));

-- main
create view public.people_names as
SELECT public.norm(people.name) AS name
   FROM public.people;
