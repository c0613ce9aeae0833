-- Sign-up creates the profile and preferences; an e-mail change in Supabase Auth reaches the
-- profile's copy. Triggers on auth.users are allowed to the app (SUPABASE.md section 2); their
-- functions live in the app's `private` schema.
create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();

create trigger on_auth_user_email_changed
  after update of email on auth.users
  for each row when (old.email is distinct from new.email)
  execute function private.sync_user_email();
