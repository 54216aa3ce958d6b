"""Evidence from a repository's own files, offline: nothing in it is run or fetched.

The pipeline, one subpackage per step (after OpenSSF Scorecard's raw data, probes, evaluation):

- ``probes/``: the probe language: the probe models, bounded patterns, globs, literal gates. Pure.
- ``matching/``: one file's content against the probes: which probes look at a path, the line a
  pattern or a YAML/TOML key hits. Pure.
- ``verdicts/``: findings, the repository's annotations, verdicts on a team's answers, proposed
  answers. Pure.
- ``io/``: the only side that touches the disk: which files are listed and read (``walk.py``), the
  scan of a folder within time limits and in workers (``run.py``, ``reading.py``), the probes and
  annotations files, and ``scan --write``.
"""
