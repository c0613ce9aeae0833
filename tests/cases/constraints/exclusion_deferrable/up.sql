-- main, access_exclusive_lock, index_build
alter table public.shifts add constraint shifts_no_overlap EXCLUDE USING gist (during WITH &&) DEFERRABLE INITIALLY DEFERRED;
