create trigger enforce_initial_status before insert on public.orders
  for each row execute function private.enforce_order_initial_status();

create trigger enforce_status_transition before update of status on public.orders
  for each row execute function private.enforce_order_status_transition();
