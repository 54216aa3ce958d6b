"""The base of every model (strict and immutable) and the id formats every file shares."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

SLUG = r"^[a-z0-9][a-z0-9_-]*$"
QUESTION_ID = r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$"
VERSION = r"^[0-9]+\.[0-9]+\.[0-9]+$"  # ASCII digits: pydantic's \d would take any script's

MAX_QUESTION_ID_CHARS = 128

OptionId = Annotated[str, Field(pattern=SLUG, max_length=64)]
QuestionId = Annotated[str, Field(pattern=QUESTION_ID, max_length=MAX_QUESTION_ID_CHARS)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
Slug = Annotated[str, Field(pattern=SLUG, max_length=64)]
Version = Annotated[str, Field(pattern=VERSION)]


class Frozen(BaseModel):
    """Base of every model: unknown keys are errors and instances never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
