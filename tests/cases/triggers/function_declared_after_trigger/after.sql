-- The trigger is written before its function.
create table public.events (id int, at timestamptz);
create trigger events_stamp before insert on public.events
  for each row execute function public.stamp_event();
create function public.stamp_event() returns trigger language plpgsql as $$
begin
  new.at := now();
  return new;
end
$$;
