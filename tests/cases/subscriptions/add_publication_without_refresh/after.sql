create subscription orders_feed
  connection ''
  publication orders_pub, refunds_pub
  with (connect = false);
