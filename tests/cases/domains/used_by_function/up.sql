-- main
alter domain public.email drop constraint email_check;

-- main
alter domain public.email add constraint email_check CHECK ((VALUE ~~ '%@_%'::text));
