create table public.events (id bigint not null, kind text not null, primary key (id, kind)) partition by list (kind);
create table public.events_click partition of public.events for values in ('click');
create table public.events_other partition of public.events default;
