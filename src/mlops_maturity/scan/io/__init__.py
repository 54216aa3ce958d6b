"""The scan's side that touches the disk: listing and reading files, loading probes and annotations files."""
