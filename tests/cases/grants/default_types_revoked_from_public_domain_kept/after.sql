-- Types made from now on are not PUBLIC's to use; the domain gives its usage back
-- explicitly, the enum does not.
alter default privileges revoke usage on types from public;
create domain public.d as int;
create type public.e as enum ('a');
grant usage on domain public.d to public;
