-- main
alter domain public.percent add constraint percent_range CHECK (((VALUE >= (0)::numeric) AND (VALUE <= (100)::numeric)));
