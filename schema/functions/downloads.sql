-- Serving a download: the only way to get a link counted. Refuses expired or deactivated
-- downloads (expired downloads are not served).
create function public.record_download(download_id uuid)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  d public.downloads%rowtype;
begin
  select * into d from public.downloads x where x.id = download_id for update;
  if not found then
    raise exception 'download % not found', download_id using errcode = 'P0002';
  end if;
  perform private.assert_self_or_privileged(d.user_id);
  if not d.is_active or d.expires_at <= pg_catalog.now() then
    raise exception 'download % has expired', download_id
      using errcode = '55000', hint = 'Order the asset again to get a new link.';
  end if;
  update public.downloads x
     set download_count = x.download_count + 1,
         last_downloaded_at = pg_catalog.now()
   where x.id = download_id;
  return d.file_url;
end
$$;
comment on function public.record_download(uuid) is 'Returns the file URL of an active, unexpired download and counts the download.';
