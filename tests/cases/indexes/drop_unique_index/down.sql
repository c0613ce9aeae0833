-- main, index_build, share_lock
CREATE UNIQUE INDEX users_email ON public.users USING btree (email);
