-- IN over varchar is stored as `(kind)::text = ANY ((ARRAY['bug'::character varying, ...])::text[])`:
-- the plan writes it back so that it reads the same.
create table public.tasks (id int, kind varchar(10), constraint tasks_kind check (kind in ('bug', 'chore', 'feature')));
