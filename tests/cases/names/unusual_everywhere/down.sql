-- main
drop view public."order by";

-- main, deletes_data, access_exclusive_lock
drop table public."Weird; drop table x --";

-- main
drop function public."do $$ it"("in" text);
