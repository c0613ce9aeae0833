create table public.posts (id bigint, tags text[]);
create index posts_tags on public.posts using gin (tags);
