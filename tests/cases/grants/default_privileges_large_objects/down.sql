-- main
alter default privileges grant select on large objects to anon;

-- main
alter default privileges revoke select, update on large objects from authenticated;
