-- main
drop policy notes_insert on public.notes;
