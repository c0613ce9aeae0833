create subscription "Audit Feed"
  connection ''
  publication audit, "Audit Extra"
  with (connect = false, slot_name = none, binary = true, streaming = on,
        synchronous_commit = 'remote_apply', disable_on_error = true);
