-- post, access_exclusive_lock
alter table public.members replica identity using index members_email;
