-- pre
alter type public.size add value 'xs' before 's';

-- pre
alter type public.size add value 'l' after 'm';

-- pre
alter type public.size add value 'xl' after 'l';
