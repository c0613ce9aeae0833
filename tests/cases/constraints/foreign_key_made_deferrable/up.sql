-- main, share_lock
alter table public.pets alter constraint pets_owner deferrable initially deferred;
