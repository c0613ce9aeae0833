-- concurrent, index_build, not_transactional
CREATE UNIQUE INDEX CONCURRENTLY one_active_subscription ON public.subscriptions USING btree (user_id) WHERE active;
