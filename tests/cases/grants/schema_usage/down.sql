-- main
revoke usage on schema app from authenticated;
