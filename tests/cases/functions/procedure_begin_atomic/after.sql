create table public.jobs (id bigint, done boolean default false);
create procedure public.finish(which bigint) language sql begin atomic update public.jobs set done = true where id = which; end;
