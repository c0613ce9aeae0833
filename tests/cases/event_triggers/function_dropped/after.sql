create function public.audit_ddl() returns event_trigger language plpgsql as $$
begin
  raise notice 'audited: % %', tg_event, tg_tag;
end
$$;

create event trigger log_ddl on ddl_command_end
  execute function public.audit_ddl();
