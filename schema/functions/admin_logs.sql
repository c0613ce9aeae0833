-- The one way into admin_logs. The actor is always auth.uid(): an entry cannot be written in
-- someone else's name. The client's address comes from PostgREST's request.headers.
create function public.log_admin_action(
  action text,
  target_type text,
  target_id text,
  details jsonb default '{}'::jsonb
)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  headers jsonb;
  client_ip inet;
  new_id uuid;
begin
  perform private.assert_privileged();
  begin
    headers := nullif(pg_catalog.current_setting('request.headers', true), '')::jsonb;
    client_ip := pg_catalog.btrim(pg_catalog.split_part(headers ->> 'x-forwarded-for', ',', 1))::inet;
  exception when others then
    client_ip := null; -- a malformed header must not block the action being logged
  end;
  insert into public.admin_logs (admin_id, action, target_type, target_id, details, ip_address, user_agent)
  values ((select auth.uid()), log_admin_action.action, log_admin_action.target_type,
          log_admin_action.target_id, coalesce(log_admin_action.details, '{}'::jsonb),
          client_ip, headers ->> 'user-agent')
  returning id into new_id;
  return new_id;
end
$$;
comment on function public.log_admin_action(text, text, text, jsonb) is 'Writes an audit entry as the calling admin; returns its id.';
