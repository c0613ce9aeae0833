"""`creo-schema test`: access expectations declared in `schema/tests/*.toml` (issue 16).

A test file declares users (auth.users rows), identities (a role plus JWT claims), fixture
rows (inserted as the service role) and tests: a query or an RPC run as one or more
identities, each expecting a row count, rows, a result, or a failure with a SQLSTATE.
`parse` reads a file into plain data (bad input: one `file:line:col` error), `run` runs it
on a throwaway copy of the desired state, each test in a transaction rolled back, and
`report` writes the outcome as text, JSON, GitHub annotations or JUnit XML.
"""
