-- main
alter domain public.zip add constraint zip_check CHECK ((length(VALUE) = 5));
