create subscription orders_feed
  connection ''
  publication orders_pub
  with (connect = false, binary = true, streaming = on, synchronous_commit = 'remote_write',
        disable_on_error = true);
