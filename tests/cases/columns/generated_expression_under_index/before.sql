create table public.people (first text, last text, full_name text generated always as (first || ' ' || last) stored);
create index people_full_name on public.people (full_name);
