"""Drift in words: which objects differ between the database and schema/, and how.

Read from typed data the plan carries, never from its SQL: the catalog's differences
object by object (catalog/differences.py `ObjectDiff`) and the declared rows that differ
(diff/data.py `RowDiff`). `groups` says which drifted object each difference and each
planned statement belongs to (a column's to its table), `words` says what one difference
is in a sentence, `changes` puts them together; `creo_schema/drift_report.py` renders them.
"""
