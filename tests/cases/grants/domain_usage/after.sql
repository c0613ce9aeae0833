create domain public.email as text;
revoke usage on domain public.email from public;
