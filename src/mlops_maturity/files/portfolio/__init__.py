"""Many answers files read into portfolio rows: found, parsed, scored and merged by respondents' rounds."""
