-- concurrent, index_build, not_transactional
CREATE UNIQUE INDEX CONCURRENTLY users_email_normalized ON public.users USING btree (public."normalize"(email));
