create subscription orders_feed connection 'host=/nonexistent/creo-schema-tests dbname=shop'
  publication orders_pub with (connect = false, streaming = off);
