-- main
alter default privileges revoke usage on types from public;

-- main
revoke usage on type public.e from public;
