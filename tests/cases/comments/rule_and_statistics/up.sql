-- main
comment on rule readonly_no_delete on public.readonly is 'rows are never deleted';

-- main
comment on statistics public.readonly_ab is 'a and b move together';
