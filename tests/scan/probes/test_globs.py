"""Globs of probes, contexts and annotations: the meaning of each wildcard, and no glob that can hang a scan.

A repository's ``.mlops-maturity.yaml`` and a custom questionnaire's ``probes.yaml`` are written by
others, so a glob is hostile input: ``*a*a*a*...c`` against a long name, or ``**/`` repeated, once took
minutes per path. The compiled form commits to the leftmost place each piece between wildcards can go,
which is always a right place, so it never tries the others.
"""

from __future__ import annotations

import fnmatch
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlops_maturity.scan.probes.globs import GlobIndex, check_glob, glob_needle, glob_regex, globs_pattern, rendered

from support import SCANQ, run_process


def reference(glob: str, path: str) -> bool:
    """What a glob means, written the slow and obvious way: segment by segment, ``**`` any run of segments."""
    if glob.endswith("/"):
        glob += "**"
    if "/" not in glob:
        glob = "**/" + glob
    glob = glob.removeprefix("/")  # a leading / keeps the rest at the top
    parts, names = glob.split("/"), path.split("/")

    @cache
    def fits(i: int, j: int) -> bool:
        if i == len(parts):
            return j == len(names)
        if parts[i] == "**":
            if i == len(parts) - 1:
                return j < len(names)  # a trailing ** stands for at least the file name
            return any(fits(i + 1, k) for k in range(j, len(names)))
        return j < len(names) and fnmatch.fnmatchcase(names[j], parts[i]) and fits(i + 1, j + 1)

    return fits(0, 0)


_SEGMENT = st.lists(st.sampled_from(["a", "b", "*", "?", "[ab]", "[!a]", "**"]), min_size=1, max_size=5).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    st.tuples(st.sampled_from(["", "/"]), st.lists(_SEGMENT, min_size=1, max_size=4).map("/".join)).map("".join),
    st.lists(st.text(alphabet="ab", min_size=1, max_size=6), min_size=1, max_size=5).map("/".join),
)
def test_a_compiled_glob_means_what_the_reference_says(glob: str, path: str) -> None:
    glob = "/".join(part if "**" not in part or part == "**" else part.replace("**", "*") for part in glob.split("/"))
    assert bool(re.fullmatch(glob_regex(glob), path, re.DOTALL)) is reference(glob, path)
    assert bool(globs_pattern([glob, "zz/*.q"]).fullmatch(path)) is reference(glob, path)
    # The index tries a glob only where its needle is: never where the glob would have matched.
    assert (0 in GlobIndex.build([[glob], ["zz/*.q"]]).owners_of(path)) is reference(glob, path)


def test_many_globs_in_one_pattern_keep_their_own_groups() -> None:
    pattern = globs_pattern(["*a*b*c", "**/x/**/y*z*w", "*a*b*c"])  # the same glob twice as well
    assert pattern.fullmatch("qaqbqc")
    assert pattern.fullmatch("m/x/n/o/y1z2w")
    assert not pattern.fullmatch("m/x/n/o/y1w2z")
    index = GlobIndex.build([["*a*b*c"], ["**/x/**/y*z*w"]])
    assert index.owners_of("deep/qaqbqc") == {0}
    assert index.owners_of("x/y/yzw") == {1}
    assert glob_needle("**/tests/data/**/test_*.py") == "tests/data" and glob_needle("*[-_.]prod.yml") == "prod.yml"


def test_hostile_globs_match_at_once() -> None:
    """Each of these took from minutes to years with the backtracking form; now each is one quick pass."""
    stars = "*a" * 12 + "*c"
    assert not re.fullmatch(glob_regex(stars), "a" * 5000, re.DOTALL)
    assert re.fullmatch(glob_regex(stars), "a" * 5000 + "c", re.DOTALL)
    deep = "/".join(["a"] * 1500) + "/b"
    assert not re.fullmatch(glob_regex("**/" * 66 + "x"), deep, re.DOTALL)
    assert re.fullmatch(glob_regex("**/" * 66 + "b"), deep, re.DOTALL)
    assert not re.fullmatch(glob_regex("**/a*a*a*a*a*a*a/" * 10 + "c"), deep, re.DOTALL)


def test_a_repositorys_hostile_annotation_globs_do_not_hang_the_scan(tmp_path: Path) -> None:
    """End to end, in a real process (which a hang would time out): issue 22, item 1."""
    name = "a" * 60
    (tmp_path / name).mkdir()
    (tmp_path / name / "Dockerfile").write_text("FROM python:3.12\n", encoding="utf-8")
    deep = tmp_path.joinpath(*["d"] * 40)
    deep.mkdir(parents=True)
    (deep / "Dockerfile").write_text("FROM python:3.12\n", encoding="utf-8")
    (tmp_path / ".mlops-maturity.yaml").write_text(
        "annotations:\n"
        f'  - paths: ["{"*a" * 12}*c/Dockerfile"]\n'
        "    reason: a glob that backtracks\n"
        f'  - paths: ["{"**/" * 66}x"]\n'
        "    reason: a glob that backtracks across folders\n",
        encoding="utf-8",
    )
    run = run_process("scan", tmp_path, "--questionnaire", SCANQ, "--format", "json")
    assert run.code == 0, run.err
    assert '"probe": "dockerfile"' in run.out
    assert "this annotation matched no finding" in run.out  # both were read and applied


def test_a_leading_slash_keeps_a_file_name_at_the_top() -> None:
    index = GlobIndex.build([["/CODEOWNERS"], ["CODEOWNERS"]])
    assert index.owners_of("CODEOWNERS") == {0, 1}
    assert index.owners_of("vendor/lib/CODEOWNERS") == {1}  # a vendored library's file is not the repository's
    assert check_glob("/.travis.yml") == "/.travis.yml"
    for bad in ("/", "//x", "/../x"):
        with pytest.raises(ValueError, match=r"relative to the scanned folder|not allowed"):
            check_glob(bad)


def test_a_template_output_folder_is_the_top_of_the_projects_made_from_it() -> None:
    """Under a folder named by a placeholder, globs from the top match as they would in a generated project."""
    index = GlobIndex.build([[".github/workflows/*.yml"], ["/Dockerfile"], ["resources/*.yml"]])
    assert index.owners_of("template/{{.input_root_dir}}/.github/workflows/ci.yml") == {0}
    assert index.owners_of("{{cookiecutter.slug}}/Dockerfile") == {1}
    assert index.owners_of("t/{{.root}}/{{template `name` .}}/resources/jobs.yml") == {2}
    assert index.owners_of("src/.github/workflows/ci.yml") == set()  # an ordinary folder is no project's top
    assert index.owners_of("t/{{.root}}/src/Dockerfile") == set()


def test_a_glob_with_a_bang_takes_paths_out_of_its_list() -> None:
    index = GlobIndex.build([["Dockerfile", "!.gitlab/**"], ["Dockerfile"]])
    assert index.owners_of("api/Dockerfile") == {0, 1}
    assert index.owners_of(".gitlab/docker/Dockerfile") == {1}
    assert index.owners_of("{{x}}/.gitlab/docker/Dockerfile") == {1}  # from a template's top as well
    pattern = globs_pattern(["*.yml", "!ci/*.yml"])
    assert pattern.fullmatch("a/b.yml") and not pattern.fullmatch("ci/b.yml")
    assert not globs_pattern(["!*.yml"]).fullmatch("a.txt")  # nothing to take out of: nothing matches
    with pytest.raises(ValueError, match="cannot be empty"):
        check_glob("!")


def test_a_template_file_is_named_as_the_file_it_becomes() -> None:
    suffixes = (".tmpl", ".j2")
    assert rendered("t/{{.root}}/training/Train.py.tmpl", suffixes) == "t/{{.root}}/training/Train.py"
    assert rendered("deploy/values.yaml.j2", suffixes) == "deploy/values.yaml"
    assert rendered("a.tmpl/train.py", suffixes) == "a.tmpl/train.py"  # a folder's name is not the file's
    assert rendered(".j2", suffixes) == ".j2"


@settings(max_examples=300, deadline=None)
@given(
    st.tuples(st.sampled_from(["", "/", "!"]), st.lists(_SEGMENT, min_size=1, max_size=3).map("/".join)).map("".join),
    st.lists(st.sampled_from(["a", "b", "ab", "{{x}}", "{{y z}}"]), min_size=1, max_size=5).map("/".join),
)
def test_the_index_matches_from_every_project_top_and_takes_out_what_a_bang_names(glob: str, path: str) -> None:
    """A second, slow reading of the index's rules: the glob from the top or from any placeholder folder's."""
    glob = "/".join(part if "**" not in part or part == "**" else part.replace("**", "*") for part in glob.split("/"))
    parts = path.split("/")
    tops = [path] + ["/".join(parts[i + 1 :]) for i, part in enumerate(parts[:-1]) if part.startswith("{{")]
    body = glob.removeprefix("!")
    matched = any(reference(body, top) for top in tops)
    expected = {0} if matched and not glob.startswith("!") else set()
    assert GlobIndex.build([[glob]]).owners_of(path) == expected
    # ... and with the ! glob as a second one of the list, it takes its paths out of the first one's.
    if glob.startswith("!"):
        kept = any(reference("**", top) for top in tops) and not matched
        assert (0 in GlobIndex.build([["**", glob]]).owners_of(path)) is kept
