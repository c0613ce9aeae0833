-- main
revoke usage on domain public.email from public;
