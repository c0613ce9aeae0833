-- main, index_dropped, access_exclusive_lock
alter table public.users drop constraint users_email_key;

-- main, index_build, share_lock
CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email);
