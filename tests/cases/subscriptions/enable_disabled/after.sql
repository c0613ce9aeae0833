-- Declared with PostgreSQL's defaults: enabled, replicating into this database.
create subscription orders_feed
  connection ''
  publication orders_pub;
