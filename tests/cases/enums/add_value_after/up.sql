-- pre
alter type public.status add value 'review' before 'published';
