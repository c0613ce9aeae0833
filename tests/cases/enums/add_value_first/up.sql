-- pre
alter type public.status add value 'idea' before 'draft';
