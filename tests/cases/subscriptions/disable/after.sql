create subscription orders_feed
  connection ''
  publication orders_pub
  with (connect = false);
