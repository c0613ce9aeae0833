-- main
drop rule readonly_no_delete on public.readonly;
