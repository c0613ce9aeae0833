-- main, weakens_security
grant usage on domain public.email to public;
