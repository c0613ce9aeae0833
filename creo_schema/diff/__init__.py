"""Step 5: the difference between two databases, as SQL. The only user of migra's engine."""
