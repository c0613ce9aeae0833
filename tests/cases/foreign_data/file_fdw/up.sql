-- main
create foreign table public.imports (
  line text
) server files options (filename '/dev/null', format 'text');
