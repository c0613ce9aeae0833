-- main
drop trigger events_stamp on public.events;

-- main
drop function public.stamp_event();
