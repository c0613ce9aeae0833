-- main, index_dropped
drop index public.posts_tags;
