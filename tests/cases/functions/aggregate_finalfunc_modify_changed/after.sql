-- FINALFUNC_MODIFY = READ_WRITE says the final function may scribble on the state, so the
-- executor must not share it between two calls (READ_ONLY is a plain aggregate's default).
create aggregate public.total_abs(int) (sfunc = int4pl, stype = int, finalfunc = int4abs, finalfunc_modify = read_write);
