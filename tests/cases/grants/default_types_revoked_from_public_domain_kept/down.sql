-- main
alter default privileges grant usage on types to public;

-- main, weakens_security
grant usage on type public.e to public;
