"""``--min-stage``, ``--min-level`` and ``--min-dimension`` read into the engine's typed thresholds.

The flags are checked against the questionnaire in use (its stages, levels and
dimensions), and a bad value is a usage error that names the flag and the choices.
"""

from __future__ import annotations

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.scoring.gates import Thresholds
from mlops_maturity.errors import UsageError


def parse_thresholds(
    q: Questionnaire, min_stage: int | None, min_level: str | None, min_dimension: tuple[str, ...]
) -> Thresholds:
    """The thresholds the flags ask for; a bad value is a usage error naming the flag and the choices."""
    if min_stage is not None and not 0 <= min_stage <= q.top_stage:
        raise UsageError(f"--min-stage {min_stage}: stages run from 0 to {q.top_stage}")
    if min_level is not None and min_level not in q.level_rank:
        raise UsageError(f"--min-level {min_level!r}: choose one of: {', '.join(q.level_rank)}")
    dims: dict[str, float] = {}
    for spec in min_dimension:
        name, sep, value = spec.partition("=")
        if not sep:
            raise UsageError(f"--min-dimension {spec!r}: write it as ID=SCORE, for example monitoring=50")
        if name not in q.dimension_by_id:
            raise UsageError(
                f"--min-dimension {spec!r}: unknown dimension {name!r}; choose one of: {', '.join(q.dimension_by_id)}"
            )
        try:
            score = float(value)
        except ValueError:
            raise UsageError(f"--min-dimension {spec!r}: {value!r} is not a number from 0 to 100") from None
        if not 0 <= score <= 100:
            raise UsageError(f"--min-dimension {spec!r}: scores run from 0 to 100")
        dims[name] = score
    return Thresholds(min_stage, min_level, dims)
