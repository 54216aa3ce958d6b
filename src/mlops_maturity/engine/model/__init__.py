"""What the engine reasons about, as strict frozen pydantic models: questionnaire, answers, conditions, result."""
