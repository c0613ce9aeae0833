-- A PL/pgSQL function whose declarations name a table the same plan creates (issue 22: the
-- Creo schema's record_download). Functions come before tables in a plan; a file run with
-- check_function_bodies on would compile the body at creation and stop there.
create table public.downloads (id bigint primary key, owner uuid not null, file text not null);
create function public.last_download(who uuid) returns text language plpgsql stable as $$
declare
  d public.downloads%rowtype;
  f public.downloads.file%type;
begin
  select * into d from public.downloads where owner = who order by id desc limit 1;
  f := d.file;
  return f;
end
$$;
