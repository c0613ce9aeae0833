-- main
alter type public.address alter attribute city type text collate pg_catalog."C";
