"""Step 1 of the pipeline: find the schema files and parse them into located statements."""
