-- main
comment on rule readonly_no_delete on public.readonly is null;

-- main
comment on statistics public.readonly_ab is null;
