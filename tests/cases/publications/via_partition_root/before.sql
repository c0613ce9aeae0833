create table public.events (
  id bigint not null,
  at date not null
) partition by range (at);
create table public.events_2026 partition of public.events
  for values from ('2026-01-01') to ('2027-01-01');

create publication events_pub for table public.events;
