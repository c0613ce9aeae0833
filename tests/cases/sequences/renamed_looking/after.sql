create sequence public.new_ids;
