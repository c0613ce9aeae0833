-- pre
alter type public.status add value 'archived' after 'published';
