-- main
revoke create, usage on schema scratch from authenticated;
