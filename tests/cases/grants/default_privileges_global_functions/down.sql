-- main
alter default privileges grant execute on functions to public;
