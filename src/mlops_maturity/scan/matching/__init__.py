"""One file's content against the probes, with no I/O: which probes look at a path, where a probe hits."""
