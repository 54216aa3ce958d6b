"""The probe language: what a probe is (``model.py``) and the checks that keep its patterns and globs bounded."""
