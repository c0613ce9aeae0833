-- main, access_exclusive_lock
alter table public.docs add constraint docs_status_check CHECK (((status)::text = ANY (ARRAY['open'::text, 'new'::text, 'done'::text]))) not valid;

-- main, weakens_security
create view public.allowed_owners as
SELECT 1 AS owner_id;

-- main, weakens_security
create policy docs_read on public.docs
  as permissive for select to public
  using ((owner_id IN ( SELECT allowed_owners.owner_id
   FROM public.allowed_owners)));

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY docs_open ON public.docs USING btree (id) WHERE ((status)::text = ANY ((ARRAY['open'::character varying, 'new'::character varying])::text[]));

-- validate
alter table public.docs validate constraint docs_status_check;
