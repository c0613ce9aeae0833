-- main
drop policy notes_delete on public.notes;
