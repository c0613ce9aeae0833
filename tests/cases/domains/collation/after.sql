create domain public.code as text collate "C";
