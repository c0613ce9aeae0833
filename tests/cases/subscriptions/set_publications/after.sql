create subscription orders_feed
  connection ''
  publication refunds_pub, orders_pub
  with (connect = false);
