-- main
alter default privileges revoke usage on types from public;
