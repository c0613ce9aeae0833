-- main
create subscription orders_feed
  connection :'CREO_CASE_CONNINFO_ORDERS_FEED'
  publication orders_pub
  with (connect = false);
