"""The shipped probes on small repositories: where a file counts, templates read as what they become, new forms.

Each test builds the smallest tree that shows one pattern the held-out repositories taught (a vendored library's
CI, a project template's files, a workflow named for an environment, a table of models, lock files of other
ecosystems, a hand-written search) and checks what the shipped probes find there, and how strongly.
"""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.engine.model.questionnaire import Questionnaire

from support.scan_trees import found_in, scan_tree

ASSERTING_TEST = {"tests/test_model.py": "def test_model():\n    assert train() == 1\n"}


def test_a_vendored_librarys_ci_and_owners_are_not_the_repositorys(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "vendor/lib/.travis.yml": "script: tox\n",
        "vendor/lib/.github/CODEOWNERS": "* @someone\n",
        "vendor/lib/CODEOWNERS": "* @someone\n",
        "vendor/lib/.github/workflows/ci.yml": "on: push\njobs:\n  t:\n    steps:\n      - run: pytest\n",
        **ASSERTING_TEST,
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert not [key for key in found if key[0] in ("ci-runs-tests", "codeowners")]
    found = found_in(scan_tree(tmp_path, {"CODEOWNERS": "* @team\n", ".travis.yml": "script: tox\n"}, shipped))
    assert found[("codeowners", "CODEOWNERS")] == "strong"
    assert found[("ci-runs-tests", ".travis.yml")] == "strong"


TEMPLATE = {
    "template/{{.root}}/training/Train.py.tmpl": (
        '"""Trains {{.project}}."""\nimport mlflow\n\nwith mlflow.start_run():\n    mlflow.log_metric("rmse", 1)\n'
    ),
    "template/{{.root}}/.github/workflows/{{.project}}-ci.yml.tmpl": (
        "on: pull_request\njobs:\n  t:\n    steps:\n      - run: pytest\n"
    ),
    "template/{{.root}}/databricks.yml.tmpl": (
        "targets:\n  dev: {{ if .uc }} # catalog {{ end }}\n    mode: development\n  prod:\n"
        "    workspace:\n      host: {{ .host }}\n"
    ),
    "template/{{.root}}/resources/train.yml.tmpl": (
        "resources:\n  jobs:\n    train:\n      tasks:\n        - task_key: Train\n"
        "          notebook_task:\n            notebook_path: ../training/Train.py\n"
        "      schedule:\n        quartz_cron_expression: '0 0 9 * * ?'\n"
    ),
    "template/{{.root}}/tests/test_train.py.tmpl": "def test_train():\n    assert train() == 1\n",
}


def test_a_templates_files_are_read_as_the_files_they_become(tmp_path: Path, shipped: Questionnaire) -> None:
    """In a repository that is a project template, they count in full: they are what every project made from it does."""
    found = found_in(scan_tree(tmp_path, {**TEMPLATE, "databricks_template_schema.json": "{}\n"}, shipped))
    root = "template/{{.root}}/"
    assert found[("mlflow-tracking", root + "training/Train.py.tmpl")] == "strong"
    assert found[("ci-runs-tests", root + ".github/workflows/{{.project}}-ci.yml.tmpl")] == "strong"
    assert found[("bundle-targets", root + "databricks.yml.tmpl")] == "strong"
    assert found[("databricks-jobs", root + "resources/train.yml.tmpl")] == "strong"
    assert found[("databricks-scheduled-training", root + "resources/train.yml.tmpl")] == "strong"


def test_a_template_kept_beside_a_project_is_weak(tmp_path: Path, shipped: Questionnaire) -> None:
    scan = scan_tree(tmp_path, TEMPLATE, shipped)
    (tracking,) = [f for f in scan.findings if f.probe == "mlflow-tracking"]
    assert (tracking.strength, tracking.note) == ("weak", "an uninstantiated template")


def test_a_workflow_named_for_an_environment_is_no_environments_configuration(
    tmp_path: Path, shipped: Questionnaire
) -> None:
    echo_only = (
        "on: workflow_dispatch\njobs:\n  deploy:\n    environment: production\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo deploying\n"
    )
    files = {".github/workflows/deploy_to_production.yaml": echo_only, "k8s/overlays/prod/kustomization.yaml": "a: 1\n"}
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert [key for key in found if "environment" in key[0]] == [("environment-configs", files_key := list(files)[1])]
    assert found[("environment-configs", files_key)] == "strong"
    deploying = echo_only.replace("echo deploying", "kubectl apply -f k8s/overlays/prod")
    found = found_in(scan_tree(tmp_path, {".github/workflows/deploy_to_production.yaml": deploying}, shipped))
    assert found[("ci-environments", ".github/workflows/deploy_to_production.yaml")] == "strong"


def test_a_dockerfile_of_cis_own_tooling_is_no_model_image(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {".gitlab/docker/Dockerfile": "FROM ubuntu:22.04\n", "api/Dockerfile": "FROM python:3.12\n"}
    assert [key for key in found_in(scan_tree(tmp_path, files, shipped)) if key[0] == "dockerfile"] == [
        ("dockerfile", "api/Dockerfile")
    ]


def test_a_bento_is_a_serving_spec_and_an_image_only_where_the_repository_builds_it(
    tmp_path: Path, shipped: Questionnaire
) -> None:
    files = {"serving/bentofile.yaml": 'service: "service:Svc"\ninclude: ["*.py"]\n', "langgraph.json": GRAPHS}
    scan = scan_tree(tmp_path, files, shipped)
    found = found_in(scan)
    assert found[("bento-serving-spec", "serving/bentofile.yaml")] == "strong"
    assert found[("langgraph-deployment", "langgraph.json")] == "strong"
    (image,) = [f for f in scan.findings if f.probe == "model-image-config"]
    assert image.strength == "weak" and "bentoml containerize" in (image.note or "")
    assert found_in(
        scan_tree(tmp_path, {"README.md": "Build the image: `bentoml containerize svc:latest`\n"}, shipped)
    )[("model-image-config", "serving/bentofile.yaml")] == ("strong")


GRAPHS = '{\n  "graphs": {"agent": "./src/agent.py:graph"},\n  "dependencies": ["."]\n}\n'


def test_lock_files_of_other_ecosystems_and_a_front_ends_lock(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "go.sum": "golang.org/x/net v0.1.0 h1:abc=\n",
        "flake.lock": '{"nodes": {}}\n',
        "web/pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        "empty/uv.lock": "",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("lock-file", "go.sum")] == found[("lock-file", "flake.lock")] == "strong"
    assert found[("front-end-lock-file", "web/pnpm-lock.yaml")] == "weak"
    assert ("lock-file", "empty/uv.lock") not in found  # an empty file pins nothing
    assert (
        found_in(scan_tree(tmp_path, {"package-lock.json": '{"lockfileVersion": 3}\n'}, shipped))[
            ("lock-file", "package-lock.json")
        ]
        == "strong"
    )


def test_a_table_of_models_is_no_pin_and_a_model_called_by_its_date_is(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "client/models.go": 'var models = []string{\n\t"gpt-4o-2024-08-06",\n\t"claude-3-5-sonnet-20241022",\n}\n',
        "client/limits.py": 'LIMITS = {\n    "gpt-4o-2024-08-06": 128000,\n}\n',
        "client/old.py": 'MODEL = "gpt-4o"  # was "gpt-4o-2024-05-13"\n',
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert not [key for key in found if key[0] == "pinned-model-id"]
    assert (
        found_in(scan_tree(tmp_path, {"app.py": 'llm = ChatOpenAI(model="gpt-4o-2024-08-06")\n'}, shipped))[
            ("pinned-model-id", "app.py")
        ]
        == "strong"
    )


def test_a_hand_written_search_and_a_registered_data_asset(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "train/search.py": (
            "best_score = 0\nfor lr in [0.1, 0.01]:\n    for max_depth in config.max_depths:\n"
            "        model = make(lr, max_depth).fit(x, y)\n"
        ),
        "train/loop.py": "for epoch in range(epochs):\n    model.fit(x, y)\n",  # a training loop, no search
        "train/random_search.py": "for trial in range(20):\n    lr = np.random.uniform(1e-4, 1e-1)\n    train(lr)\n",
        "mlops/data.yml": "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\ntype: uri_file\n",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("hand-written-search", "train/search.py")] == "strong"
    assert found[("hand-written-search", "train/random_search.py")] == "strong"
    assert ("hand-written-search", "train/loop.py") not in found
    assert found[("registered-data-assets", "mlops/data.yml")] == "strong"


def test_a_markdown_prompt_counts_where_the_code_names_it(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {"patterns/summarize/system.md": "# IDENTITY\nYou summarise.\n", "docs/system.md": "# System\n"}
    scan = scan_tree(tmp_path, files, shipped)
    assert {f.path: f.strength for f in scan.findings if f.probe == "prompt-files"} == {
        "patterns/summarize/system.md": "weak",  # nothing loads it: it may be documentation
        "docs/system.md": "weak",
    }
    scan = scan_tree(tmp_path, {"loader.go": 'const SystemFile = "system.md"\n'}, shipped)
    assert {f.path: f.strength for f in scan.findings if f.probe == "prompt-files"} == {
        "patterns/summarize/system.md": "strong",
        "docs/system.md": "weak",  # a documentation folder stays documentation
    }
