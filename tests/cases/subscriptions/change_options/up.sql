-- main
alter subscription orders_feed set (binary = true, streaming = on, synchronous_commit = 'remote_write', disable_on_error = true);
