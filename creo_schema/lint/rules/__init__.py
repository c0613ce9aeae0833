"""The advisor rules, one per module; `registry.RULE_MODULES` lists them."""
