-- main
comment on procedure public.cleanup() is 'run nightly';

-- main
comment on aggregate public.sum_sq(numeric) is 'sum of squares';
