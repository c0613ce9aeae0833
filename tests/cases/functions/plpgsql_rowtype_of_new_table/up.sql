-- main
CREATE OR REPLACE FUNCTION public.last_download(who uuid)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
AS $function$
declare
  d public.downloads%rowtype;
  f public.downloads.file%type;
begin
  select * into d from public.downloads where owner = who order by id desc limit 1;
  f := d.file;
  return f;
end
$function$;

-- main
create table public.downloads (
  id bigint not null,
  owner uuid not null,
  file text not null
);

-- main
alter table public.downloads add constraint downloads_pkey PRIMARY KEY (id);
