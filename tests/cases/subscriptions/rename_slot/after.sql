create subscription orders_feed
  connection ''
  publication orders_pub
  with (connect = false, slot_name = 'orders_slot_v2');
