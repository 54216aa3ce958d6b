"""One module per command; each ``run`` returns an ``Output`` and never prints."""
