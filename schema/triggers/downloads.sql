create trigger set_expiry before insert on public.downloads
  for each row execute function private.set_download_expiry();
