-- main, share_lock
alter table public.docs add constraint docs_author FOREIGN KEY (tenant_id, author_id) REFERENCES public.authors(tenant_id, id) ON DELETE SET NULL (author_id) not valid;

-- validate
alter table public.docs validate constraint docs_author;
