-- main
drop rule readonly_no_update on public.readonly;
