create table public.readonly (id bigint);
create rule readonly_no_delete as on delete to public.readonly do instead nothing;
