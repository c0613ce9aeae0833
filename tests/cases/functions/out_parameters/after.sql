create function public.split_name(full_name text, out first text, out last text) language sql immutable as $$ select split_part(full_name, ' ', 1), split_part(full_name, ' ', 2) $$;
