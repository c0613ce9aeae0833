create function public.log_ddl() returns event_trigger language plpgsql as $$
begin
  raise notice 'ddl command: % on %', tg_tag, tg_event;
end
$$;

create event trigger log_ddl on ddl_command_end
  execute function public.log_ddl();
