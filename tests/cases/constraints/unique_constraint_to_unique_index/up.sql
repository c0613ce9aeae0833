-- main, index_dropped, access_exclusive_lock
alter table public.users drop constraint users_email_key;

-- concurrent, index_build, not_transactional
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users USING btree (email);
