-- main
drop policy profiles_owner_read on public.profiles;
