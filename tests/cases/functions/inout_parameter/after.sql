create function public.clamp(inout v integer, lo integer, hi integer) language sql immutable as $$ select greatest(lo, least(hi, v)) $$;
