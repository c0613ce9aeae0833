-- main
alter schema reports owner to current_user;
