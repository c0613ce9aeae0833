create table public.readonly (id bigint);
create rule readonly_no_update as on update to public.readonly do instead nothing;
