-- pre
alter type public.status add value 'gone' after 'live';
