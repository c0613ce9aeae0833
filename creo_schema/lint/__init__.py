"""Step 4: advisor rules over the desired state, modelled on Supabase's database advisors.

One rule per module in `rules/` (a docstring with the anti-pattern and the better way, a
default level, a `check`), listed in `registry.py`. Rules read the AST of schema/ and/or the
catalog of the shadow database the desired state was loaded into, never the target.
"""
