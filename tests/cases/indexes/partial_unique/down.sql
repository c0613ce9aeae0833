-- main, index_dropped
drop index public.one_active_subscription;
