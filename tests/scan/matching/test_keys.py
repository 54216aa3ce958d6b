"""Keys in a repository's YAML and TOML: the node budget that keeps an alias bomb cheap, templates, TOML tables."""

from __future__ import annotations

import pytest

from mlops_maturity.scan.matching.keys import MAX_DOCUMENTS, MAX_VISITS, KeysUnreadable, toml_hit, untemplated, yaml_hit
from mlops_maturity.scan.probes.model import KeyProbe

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefg", "bcdefgh", strict=True)
)


def test_the_alias_budget_stops_a_bomb_on_the_key_path() -> None:
    """Ten to the eighth nodes behind eight aliases: walking them stops at the budget, with the reason."""
    with pytest.raises(KeysUnreadable, match=f"more than {MAX_VISITS} values"):
        yaml_hit(BOMB + "on:\n  push:\n", KeyProbe(key="h.*.*.*.*.*.*.*.nothing"))
    # A probe whose path does not go through the aliases reads the same file at once.
    assert yaml_hit(BOMB + "on:\n  push:\n", KeyProbe(key="on.push")) == 10


def test_too_many_documents_is_unreadable() -> None:
    with pytest.raises(KeysUnreadable, match=f"more than {MAX_DOCUMENTS} YAML documents"):
        yaml_hit("---\nx: 1\n" * (MAX_DOCUMENTS + 1), KeyProbe(key="y"))


def test_a_helm_template_is_read_with_its_expressions_as_placeholders() -> None:
    template = (
        "{{- if .Values.enabled }}\n"
        "apiVersion: serving.kserve.io/v1beta1\n"
        "kind: InferenceService\n"
        "metadata:\n"
        "  name: {{ .Values.name }}\n"
        "spec:\n"
        "  predictor:\n"
        "    canaryTrafficPercent: {{ .Values.canary | default 10 }}\n"
        "{{- end }}\n"
    )
    assert untemplated(template).split("\n")[0] == ""  # line numbers are kept
    probe = KeyProbe(key="kind", value="^InferenceService$", when=(KeyProbe(key="apiVersion", value="^serving"),))
    assert yaml_hit(template, probe) == 3
    assert yaml_hit(template, KeyProbe(key="spec.predictor.canaryTrafficPercent", value="^[0-9]+$")) is None


def test_toml_tables_keys_and_multiline_strings() -> None:
    text = '[tool.kedro]\npackage_name = "x"\nkedro_init_version = "1.0.0"\n'
    text += '[project]\ndescription = """\nname = "no"\n"""\n'
    assert toml_hit(text, KeyProbe(key="tool.kedro.kedro_init_version")) == 3
    assert toml_hit(text, KeyProbe(key="project.name")) is None  # inside a multi-line string


def test_template_logic_inside_a_line_renders_to_nothing() -> None:
    """``dev: {{ if .uc }}# note{{ end }}`` is a key with a mapping under it, not the value ``templated``."""
    text = (
        "targets:\n"
        "  dev: {{ if (eq .uc `yes`)}} # catalog {{ end }}\n"
        "    mode: development\n"
        "  prod:\n"
        "    {{- if .uc }}catalog: {{ .prod_catalog }}{{ end }}\n"
        "    mode: production\n"
    )
    assert untemplated(text).split("\n")[1] == "  dev:  # catalog "
    assert yaml_hit(text, KeyProbe(key="targets.*.mode", value="^production$")) == 6
