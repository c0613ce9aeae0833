-- main
drop policy notes_all on public.notes;
