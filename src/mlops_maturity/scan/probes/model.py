"""Probes: what in a repository's files supports an answer, as data (``probes.yaml`` in a questionnaire folder).

A probe names the question and the option a finding supports (evidence is a
lower bound: "at least this option"), the files to look at, and what to look
for in them: lines matching a pattern, a key in a YAML or TOML file, or just
the file being there. ``contexts`` say where a hit counts less (documentation,
notebooks, examples) or not at all; ``comments`` say how a commented-out line
starts, so that it never counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from mlops_maturity.engine.model.frozen import SLUG, Frozen, OptionId, QuestionId
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.scan.probes.globs import check_glob
from mlops_maturity.scan.probes.patterns import analyse

Strength = Literal["strong", "weak"]
ContextStrength = Literal["strong", "weak", "ignore"]


def _pattern(value: str) -> str:
    analyse(value)
    return value


def _key_path(value: str) -> str:
    parts = value.split(".")
    if len(parts) > 12 or any(not p or p != p.strip() for p in parts):
        raise ValueError(f"{value!r} is not a key path: write keys joined by '.', such as on.schedule (* for any key)")
    return value


Pattern = Annotated[str, AfterValidator(_pattern)]
Glob = Annotated[str, AfterValidator(check_glob)]
KeyPath = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_key_path)]
ProbeId = Annotated[str, Field(pattern=SLUG, max_length=64)]
Title = Annotated[str, Field(min_length=1, max_length=160)]
Sentence = Annotated[str, Field(min_length=1, max_length=1000)]
Url = Annotated[str, Field(pattern=r"^https?://[^\s]+$", max_length=500)]
Prefix = Annotated[str, Field(min_length=1, max_length=8)]


class KeyMatch(Frozen):
    """A key path in a YAML or TOML document, and optionally a pattern its value must match."""

    key: KeyPath
    value: Pattern | None = None


class KeyProbe(KeyMatch):
    """The key a finding points at, and conditions on other keys.

    ``when``: keys the same document must hold (paths from its top).
    ``alongside`` / ``not_alongside``: keys the mapping holding the found key
    must / must not hold (paths from that mapping), such as a CloudFormation
    resource's ``Properties.State`` beside its ``Type``.
    """

    when: tuple[KeyMatch, ...] = Field(default=(), max_length=8)
    alongside: tuple[KeyMatch, ...] = Field(default=(), max_length=8)
    not_alongside: tuple[KeyMatch, ...] = Field(default=(), max_length=8)


class Need(Frozen):
    """Evidence some other file of the repository must hold for a probe's findings to count in full."""

    files: tuple[Glob, ...] = Field(min_length=1, max_length=50)
    patterns: tuple[Pattern, ...] = Field(min_length=1, max_length=20)  # a line of one such file matches one
    reason: Title  # said on the findings when no file holds it: why they count as weak


def need_key(probe_id: str, index: int) -> str:
    """How a scan records that some file holds a probe's need ``index``."""
    return f"{probe_id}#{index}"


ToolName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=64)]


class Probe(Frozen):
    id: ProbeId
    title: Title
    question: QuestionId
    supports: OptionId
    contradicts: tuple[OptionId, ...] = ()  # answers a strong finding plainly refutes
    practice: Annotated[str, Field(pattern=SLUG, max_length=64)] | None = None
    files: tuple[Glob, ...] = Field(min_length=1, max_length=50)
    patterns: tuple[Pattern, ...] = Field(default=(), max_length=20)  # a line matching any of them is a finding
    unless: tuple[Pattern, ...] = Field(default=(), max_length=10)  # ... and none of these (a list of models)
    requires: tuple[Pattern, ...] = Field(default=(), max_length=10)  # and each of these matches some line
    forbids: tuple[Pattern, ...] = Field(default=(), max_length=10)  # and none of these matches any line
    yaml: KeyProbe | None = None
    toml: KeyProbe | None = None
    strength: Strength = "strong"
    contexts: dict[Annotated[str, Field(pattern=SLUG)], ContextStrength] = Field(default_factory=dict)
    follow: bool = False  # also look where the file's commands lead (the probe set's runners), two hops at most
    needs: tuple[Need, ...] = Field(default=(), max_length=4)
    tools: tuple[ToolName, ...] = Field(default=(), max_length=20)  # packages whose use the probe recognises
    remediation: Sentence
    docs: Url

    @model_validator(mode="after")
    def _one_locator(self) -> Probe:
        given = [name for name in ("patterns", "yaml", "toml") if getattr(self, name)]
        if len(given) > 1:
            raise ValueError(f"give one of patterns, yaml, toml (not {' and '.join(given)})")
        if self.follow and not self.patterns:
            raise ValueError("follow needs patterns: they are what is looked for where the commands lead")
        if self.unless and not self.patterns:
            raise ValueError("unless needs patterns: it names lines that match them but are no finding")
        if self.supports in self.contradicts:
            raise ValueError(f"a finding cannot both support and contradict {self.supports!r}")
        return self

    @property
    def kind(self) -> str:
        """``patterns``, ``yaml``, ``toml``, or ``file`` when the file being there is the finding."""
        return next((name for name in ("patterns", "yaml", "toml") if getattr(self, name)), "file")


class Context(Frozen):
    """Files where a hit counts less (``weak``) or not at all (``ignore``), unless a probe says otherwise.

    The first context that names a file decides; ``strong`` names files that count in full whatever a
    later context says (test code about data under ``tests/data/``, before the fixtures there).
    """

    id: Annotated[str, Field(pattern=SLUG, max_length=64)]
    files: tuple[Glob, ...] = Field(min_length=1, max_length=50)
    strength: ContextStrength
    reason: Title
    # The context does not apply in a repository that lists a file these globs match: a template's files are
    # weak as a template, but in full where the repository is that template (its cookiecutter.json at the top).
    unless_listed: tuple[Glob, ...] = Field(default=(), max_length=20)


TARGET = "{target}"


def _calls(value: str) -> str:
    if "(?P<target>" not in value:
        raise ValueError("a runner's calls pattern names what it calls with the group (?P<target>...)")
    return _pattern(value)


def _defines(value: str) -> str:
    _pattern(value.replace(TARGET, "x"))
    return value


class Runner(Frozen):
    """How a command in one file leads to lines of another: a task runner's target, or a script's path.

    ``calls``: a line that runs something, its name in the group ``target``. ``files``: where targets
    are defined (left out: the target is itself a path in the repository; with ``module``, a dotted
    Python module). ``defines``: the line that starts a target's definition, ``{target}`` standing for
    its name. ``body``: the lines that make the definition: that ``line``, the ``indented`` lines under
    it, the ``section`` up to the next ``[header]``, or the whole ``file``.
    """

    id: Annotated[str, Field(pattern=SLUG, max_length=64)]
    calls: Annotated[str, AfterValidator(_calls)]
    files: tuple[Glob, ...] = Field(default=(), max_length=20)
    module: bool = False
    defines: Annotated[str, Field(max_length=300), AfterValidator(_defines)] | None = None
    body: Literal["line", "indented", "section", "file"] = "file"

    @model_validator(mode="after")
    def _where_defined(self) -> Runner:
        if self.files and self.defines is None:
            raise ValueError("a runner with files says how a target is defined in them (defines)")
        if not self.files and self.body != "file":
            raise ValueError("a runner without files calls a file by its path: its body is the whole file")
        return self


class CommentStyle(Frozen):
    """How a comment line starts in these files."""

    files: tuple[Glob, ...] = Field(min_length=1, max_length=50)
    prefixes: tuple[Prefix, ...] = Field(min_length=1, max_length=4)


_HASH = ("*.py", "*.sh", "*.bash", "*.yaml", "*.yml", "*.toml", "*.cfg", "*.ini", "*.txt", "*.r", "*.R", "*.tf")
DEFAULT_COMMENTS = (
    CommentStyle(files=(*_HASH, "Dockerfile*", "Makefile", "*.mk", "Pipfile", "*.properties", ".*"), prefixes=("#",)),
    CommentStyle(files=("*.js", "*.ts", "*.go", "*.java", "*.scala", "*.kt", "*.c", "*.cc", "*.cpp"), prefixes=("//",)),
    CommentStyle(files=("*.sql",), prefixes=("--",)),
)


# A file name ending so is a template of the file the rest names: Train.py.tmpl is read as Train.py.
TEMPLATE_SUFFIXES = (".tmpl", ".gotmpl", ".j2", ".jinja", ".jinja2")
Suffix = Annotated[str, Field(pattern=r"^\.[A-Za-z0-9_-]{1,15}$")]


class ProbeSet(Frozen):
    comments: tuple[CommentStyle, ...] = DEFAULT_COMMENTS
    template_suffixes: tuple[Suffix, ...] = Field(default=TEMPLATE_SUFFIXES, max_length=20)
    contexts: tuple[Context, ...] = Field(default=(), max_length=50)
    runners: tuple[Runner, ...] = Field(default=(), max_length=30)
    probes: tuple[Probe, ...] = Field(min_length=1, max_length=1000)


Loc = tuple[str | int, ...]


def probe_set_problems(probes: ProbeSet, questionnaire: Questionnaire | None) -> Iterator[tuple[Loc, str]]:
    """What the models cannot see alone: duplicate ids, unknown contexts, questions and options."""
    seen: dict[str, int] = {}
    for i, context in enumerate(probes.contexts):
        if context.id in seen:
            yield ("contexts", i, "id"), f"duplicate context id {context.id!r}"
        seen[context.id] = i
    ids: set[str] = set()
    for i, probe in enumerate(probes.probes):
        if probe.id in ids:
            yield ("probes", i, "id"), f"duplicate probe id {probe.id!r}"
        ids.add(probe.id)
        for name in probe.contexts:
            if name not in seen:
                known = ", ".join(seen) or "(none defined)"
                yield ("probes", i, "contexts", name), f"unknown context {name!r}; the contexts are: {known}"
        if questionnaire is not None:
            yield from _against_questionnaire(probe, i, questionnaire)


def _against_questionnaire(probe: Probe, i: int, questionnaire: Questionnaire) -> Iterator[tuple[Loc, str]]:
    question = questionnaire.by_id.get(probe.question)
    if question is None:
        yield ("probes", i, "question"), f"unknown question id {probe.question!r}; see `mlops-maturity questions`"
        return
    choices = ", ".join(question.option_ids)
    if probe.supports not in question.option_ids:
        yield (
            ("probes", i, "supports"),
            f"{probe.supports!r} is not an option of {question.id}; choose one of: {choices}",
        )
        return
    for j, option in enumerate(probe.contradicts):
        if option not in question.option_ids:
            yield (
                ("probes", i, "contradicts", j),
                f"{option!r} is not an option of {question.id}; choose one of: {choices}",
            )
        elif question.rank(option) >= question.rank(probe.supports):
            yield (
                ("probes", i, "contradicts", j),
                f"{option!r} is not below {probe.supports!r}: evidence for an option refutes only answers under it",
            )
