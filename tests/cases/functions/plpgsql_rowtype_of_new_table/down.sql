-- main, deletes_data, access_exclusive_lock
drop table public.downloads;

-- main
drop function public.last_download(who uuid);
