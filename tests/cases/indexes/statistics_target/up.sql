-- main
alter index public.users_lower_email alter column 1 set statistics 500;
