"""Drift in words: which objects differ between the database and schema/, and how.

Read from a plan alone (its statements bring the database to schema/, its rollback brings
it back): `subjects` names the object each statement touches, `changes` groups them into
drifted objects and describes each (`definitions` compares two definitions of one object,
`phrases` says what one statement changes); `creo_schema/drift_report.py` renders them.
"""
