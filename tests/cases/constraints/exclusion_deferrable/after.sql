-- A deferrable exclusion constraint: overlapping shifts may exist inside a transaction,
-- not at its end.
create table public.shifts (id int, during tsrange,
  constraint shifts_no_overlap exclude using gist (during with &&) deferrable initially deferred);
