"""Reading and writing the project's own files: YAML, questionnaires, answers, portfolios, schemas."""
