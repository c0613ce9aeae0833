"""`creo-schema pull`: an existing database written as schema/ files (issue 25).

`read` takes the target's managed objects as the differ's creation statements (from an
empty database to the target's catalog), `layout` puts each statement in the file a
reviewer would look for it in. commands/pulling.py writes them and proves them: a plan of
the written schema/ against the same database must be empty.
"""
