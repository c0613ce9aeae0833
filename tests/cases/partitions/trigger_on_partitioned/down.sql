-- main
drop trigger events_touch on public.events;
