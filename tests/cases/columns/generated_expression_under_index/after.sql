-- The generated expression changes under an index: 17+ sets the expression (rewriting the
-- table, rebuilding the index); 15 drops the column (and the index) and adds both again.
create table public.people (first text, last text, full_name text generated always as (last || ', ' || first) stored);
create index people_full_name on public.people (full_name);
