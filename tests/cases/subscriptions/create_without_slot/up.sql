-- main
create subscription "Audit Feed"
  connection :'CREO_CASE_CONNINFO_AUDIT_FEED'
  publication "Audit Extra", audit
  with (connect = false, slot_name = none, streaming = on, binary = true, synchronous_commit = 'remote_apply', disable_on_error = true);
