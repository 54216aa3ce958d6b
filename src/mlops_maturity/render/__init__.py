"""Every output: one package per command's formats, the report and its templates, and the shared wording."""
