-- main, index_dropped
drop index public.tokens_token;
