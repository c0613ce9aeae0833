-- main
alter publication events_pub set (publish_via_partition_root = false);
