-- main
alter subscription orders_feed set (binary = false, streaming = off, synchronous_commit = 'off', disable_on_error = false);
