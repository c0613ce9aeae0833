-- main, weakens_security
drop policy profiles_only_mine on public.profiles;
