create type public.textrange as range (subtype = text, collation = "C");
