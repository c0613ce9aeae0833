-- main
alter domain public.zip drop constraint zip_check;
