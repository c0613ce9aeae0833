-- main
drop trigger items_touch on public.items;

-- main
drop function public.touch_created();
