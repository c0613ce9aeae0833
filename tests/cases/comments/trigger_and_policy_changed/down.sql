-- main
comment on trigger notes_noop on public.notes is 'v1';

-- main
comment on policy notes_read on public.notes is 'v1';
