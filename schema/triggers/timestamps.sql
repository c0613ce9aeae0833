-- updated_at follows every UPDATE and created_at never changes, whoever writes.
create trigger set_updated_at before update on public.user_profiles
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.orders
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.downloads
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.payments
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.api_keys
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.user_preferences
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.saved_searches
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.system_settings
  for each row execute function private.set_updated_at();

create trigger set_updated_by before insert or update on public.system_settings
  for each row execute function private.set_updated_by();
