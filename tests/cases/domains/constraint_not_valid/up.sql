-- main
alter domain public.code add constraint code_short CHECK ((length(VALUE) <= 8)) NOT VALID;
