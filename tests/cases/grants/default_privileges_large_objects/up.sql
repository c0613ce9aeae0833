-- main
alter default privileges revoke select on large objects from anon;

-- main
alter default privileges grant select, update on large objects to authenticated;
