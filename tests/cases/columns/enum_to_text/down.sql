-- main, rewrites_table, access_exclusive_lock
alter table public.diary alter column mood type public.mood using mood::public.mood;
