create sequence public.old_ids;
