alter default privileges grant select, update on large objects to authenticated;
