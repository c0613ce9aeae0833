create table public.readonly (id bigint, a text, b text);
create rule readonly_no_delete as on delete to public.readonly do instead nothing;
create statistics public.readonly_ab on a, b from public.readonly;
