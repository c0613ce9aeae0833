-- main, index_dropped
drop index public.people_email_key;

-- main
drop function public.normalized(v text);
