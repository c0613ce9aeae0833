-- main
alter default privileges revoke usage on schemas from authenticated;
