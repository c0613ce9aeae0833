-- A trigger's WHEN with an IN-list over varchar, which the server prints with its casts and
-- reads back in another form: the list changes, the trigger is made again.
create table public.tasks (id int, kind varchar(10), touched timestamptz);
create function public.touch() returns trigger language plpgsql as $$ begin new.touched := now(); return new; end $$;
create trigger tasks_touch before update on public.tasks for each row
  when (new.kind in ('bug', 'chore', 'feature')) execute function public.touch();
