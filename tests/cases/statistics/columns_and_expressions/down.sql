-- main
drop statistics public.events_kind_day;
