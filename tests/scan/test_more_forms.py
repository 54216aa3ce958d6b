"""The shipped probes on small repositories: forms the fourth round of held-out repositories taught.

Each test builds the smallest tree that shows one pattern common in its ecosystem (a tracker's run folders, a
Hydra sweeper, a Modal app, the Vertex AI model registry, a reusable workflow, preprompt files without an
extension, OpenTelemetry registered through `@vercel/otel`) and checks what the shipped probes find there.
"""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.scan.io.probes_file import load_probes
from mlops_maturity.scan.io.run import scan_folder

from support.scan_trees import found_in, scan_tree


def test_a_trackers_run_folders_are_its_output_not_the_teams_pins(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "wandb/run-20230929_121139-igsyd9q4/files/requirements.txt": "torch==2.0.1\nnumpy==1.25.0\n",
        "wandb/offline-run-20231006_183917-vebkn5jd/files/requirements.txt": "torch==2.0.1\n",
        "outputs/wandb/latest-run/files/requirements.txt": "torch==2.0.1\n",
        "requirements.txt": "torch\nnumpy\n",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert not [key for key in found if "wandb/" in key[1]]
    found = found_in(scan_tree(tmp_path, {"ci/requirements.txt": "torch==2.0.1\n"}, shipped))
    assert found[("pinned-requirements", "ci/requirements.txt")] == "strong"  # pins outside a run folder count


def test_a_hydra_sweeper_config_searches_hyperparameters(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "configs/hparams_search/mnist_optuna.yaml": (
            "# @package _global_\ndefaults:\n  - override /hydra/sweeper: optuna\n"
            "hydra:\n  sweeper:\n    _target_: hydra_plugins.hydra_optuna_sweeper.optuna_sweeper.OptunaSweeper\n"
        ),
        "configs/hparams_search/grid.yaml": "defaults:\n  - override /hydra/sweeper: basic\n",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("hydra-sweeper", "configs/hparams_search/mnist_optuna.yaml")] == "strong"
    assert ("hydra-sweeper", "configs/hparams_search/grid.yaml") not in found  # Hydra's own sweeper runs a grid


def test_a_modal_app_builds_its_image_and_serves_a_web_endpoint(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "src/common.py": (
            "import modal\n\nimage = (\n    modal.Image.from_registry('nvidia/cuda:12.1.0-base-ubuntu22.04')\n"
            "    .pip_install('vllm==0.5.1')\n)\napp = modal.App('x', image=image)\n"
        ),
        "src/inference.py": (
            "import modal\nfrom .common import app\n\n@app.cls(gpu='A10G')\nclass Inference:\n"
            "    @modal.fastapi_endpoint()\n    async def web(self, q: str):\n        return q\n"
        ),
        "src/train.py": "import modal\nfrom .common import app\n\n@app.function(gpu='A100')\ndef train():\n    pass\n",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("modal-image", "src/common.py")] == "strong"
    assert found[("modal-web-endpoint", "src/inference.py")] == "strong"
    assert ("modal-web-endpoint", "src/train.py") not in found  # a function run on Modal serves nothing


def test_a_vertex_model_version_and_its_aliases_are_in_the_registry(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "components/train.py": (
            "from google.cloud import aiplatform\n\njob = aiplatform.CustomContainerTrainingJob(display_name='t')\n"
            "uploaded = job.run(\n    model_display_name='m',\n    parent_model=parent_model,\n)\n"
        ),
        "components/update_best.py": (
            "from google.cloud.aiplatform.models import ModelRegistry\n\n"
            "ModelRegistry(model=champion).add_version_aliases(['default'], challenger.version_id)\n"
        ),
        "other/fit.py": "def fit(parent_model=None):\n    return parent_model\n",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("vertex-model-registry", "components/train.py")] == "strong"
    assert found[("vertex-model-registry", "components/update_best.py")] == "strong"
    assert ("vertex-model-registry", "other/fit.py") not in found


def test_a_reusable_workflow_alone_is_weak_template_evidence(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        ".github/workflows/docker-build.yaml": "on:\n  workflow_call:\n    inputs: {}\njobs:\n  b:\n    steps: []\n",
        ".github/workflows/release.yaml": "on: push\njobs:\n  r:\n    uses: ./.github/workflows/docker-build.yaml\n",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("reusable-workflow", ".github/workflows/docker-build.yaml")] == "weak"


def test_preprompt_files_without_an_extension_are_prompt_files(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "app/preprompts/generate": "You will get instructions for code to write.\n",
        "app/preprompts/philosophy": "Almost always put different classes in different files.\n",
        "app/holder.py": (
            "class PrepromptsHolder:\n    def __init__(self, preprompts_path):\n        self.path = preprompts_path\n"
        ),
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("prompt-files", "app/preprompts/generate")] == "strong"
    (tmp_path / "app" / "holder.py").unlink()
    found = found_in(scan_folder(tmp_path, load_probes(None, shipped)))
    assert found[("prompt-files", "app/preprompts/generate")] == "weak"  # nothing loads them


def test_opentelemetry_registered_through_vercel_otel_traces_an_llm_app(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "instrumentation.ts": (
            'import { registerOTel } from "@vercel/otel";\n\nexport function register() {\n'
            '  registerOTel({ serviceName: "ai-chatbot" });\n}\n'
        ),
        "app/route.ts": 'import { streamText } from "ai";\n',
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("otel-tracing-llm-app", "instrumentation.ts")] == "strong"


def test_a_cloud_build_config_runs_tests_through_make(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "cloudbuild/pr-checks.yaml": (
            "steps:\n  - name: python:3.11\n    entrypoint: /bin/sh\n    args:\n      - -c\n      - |\n"
            "        make setup && \\\n        make e2e-tests pipeline=training\n"
        ),
        "Makefile": "setup:\n\tpip install -r requirements.txt\n\ne2e-tests: ## run the pipeline tests\n"
        "\tpipenv run pytest tests/$(pipeline)\n",
        "tests/training/test_pipeline.py": "def test_pipeline():\n    assert run() == 'SUCCEEDED'\n",
    }
    scan = scan_tree(tmp_path, files, shipped)
    finding = next(f for f in scan.findings if f.probe == "build-config-runs-tests")
    assert (finding.path, finding.strength) == ("cloudbuild/pr-checks.yaml", "strong")
    assert [hop.split(":")[0] for hop in finding.via] == ["Makefile"]  # the calling line, then where it led


def test_a_fine_tuning_config_that_names_its_tracker_project(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "config/mistral.yml": "base_model: mistralai/Mistral-7B-v0.1\nwandb_project: memorize-sqlqa\n",
        "config/pythia.yml": "base_model: EleutherAI/pythia-1.4b\nwandb_project:\nwandb_entity:\n",
        "ci/prep.py": 'cfg["wandb_project"] = "ci-overfit"\n',
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("tracker-project-config", "config/mistral.yml")] == "strong"
    assert found[("tracker-project-config", "ci/prep.py")] == "strong"
    assert ("tracker-project-config", "config/pythia.yml") not in found  # left empty: runs go nowhere


def test_a_vertex_batch_prediction_with_a_skew_monitor(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "components/batch_predict.py": (
            "def batch_predict(message, skew):\n    if skew:\n"
            '        message["modelMonitoringConfig"] = {\n'
            '            "objectiveConfigs": [{"trainingPredictionSkewDetectionConfig": skew}],\n        }\n'
        ),
        "components/plain_predict.py": 'def predict(message):\n    message["instanceConfig"] = {}\n',
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("model-monitor", "components/batch_predict.py")] == "strong"
    assert ("model-monitor", "components/plain_predict.py") not in found


def test_a_pytest_file_that_asks_an_llm_to_judge_answers(tmp_path: Path, shipped: Questionnaire) -> None:
    judge = (
        'from langchain_community.llms.ollama import Ollama\n\nEVAL_PROMPT = """\nExpected: {expected}\n'
        'Actual: {actual}\n"""\n\n\ndef test_rules():\n    assert validate("How much money?", "$1500")\n\n\n'
        "def validate(question, expected):\n    verdict = Ollama(model='mistral').invoke(EVAL_PROMPT.format(\n"
        "        expected=expected, actual=answer(question)))\n    return 'true' in verdict.lower()\n"
    )
    files = {
        "test_rag.py": judge,
        "app/test_prompts.py": "SYSTEM_PROMPT = 'Answer briefly.'\n\ndef test_x():\n    assert SYSTEM_PROMPT\n",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("llm-judge-test", "test_rag.py")] == "strong"
    assert ("llm-judge-test", "app/test_prompts.py") not in found  # a prompt under test is no judge


def test_a_cloud_function_started_by_events_serves_nothing(tmp_path: Path, shipped: Questionnaire) -> None:
    function = 'resource "google_cloudfunctions_function" "f" {\n  name = var.name\n  trigger_http = var.http\n'
    files = {
        "terraform/trigger/function.tf": function + '  dynamic "event_trigger" {\n    for_each = []\n  }\n}\n',
        "terraform/pubsub/function.tf": function + "  event_trigger {\n    event_type = var.type\n  }\n}\n",
        "terraform/serve/function.tf": function + "}\n",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert [path for probe, path in found if probe == "serverless-model-function"] == ["terraform/serve/function.tf"]


def test_ci_that_checks_a_small_training_runs_loss(tmp_path: Path, shipped: Questionnaire) -> None:
    workflow = "on: pull_request\njobs:\n  t:\n    steps:\n      - run: modal run -m src.train\n      - run: |\n"
    files = {
        ".github/workflows/ci.yml": workflow + "          python ci/check_loss.py\n",
        "ci/check_loss.py": "import sys\n\nloss = read()\nsys.exit(train_loss > max_loss or val_loss < min_loss)\n",
        "scripts/report.py": "import sys\n\nsys.exit(loss > 1)\n",  # nothing in CI runs it
    }
    scan = scan_tree(tmp_path, files, shipped)
    finding = next(f for f in scan.findings if f.probe == "ci-checks-training-result")
    assert (finding.path, finding.strength, finding.via[0].split(":")[0]) == (
        ".github/workflows/ci.yml",
        "strong",
        "ci/check_loss.py",
    )
    assert len([f for f in scan.findings if f.probe == "ci-checks-training-result"]) == 1


# The fifth round: forms the fourth held-out set taught.


def test_a_kestra_flow_orchestrates_and_its_trigger_retrains(tmp_path: Path, shipped: Questionnaire) -> None:
    flow = (
        "id: train-model\nnamespace: dev\ntasks:\n  - id: train\n    type: io.kestra.plugin.scripts.python.Commands\n"
        "    commands:\n      - python src/train/train_model.py\n"
    )
    trigger = "triggers:\n  - id: after-drift\n    type: io.kestra.core.models.triggers.types.Flow\n"
    files = {
        "flows/train.yaml": flow + trigger,
        "flows/report.yaml": "id: report\nnamespace: dev\ntasks:\n  - id: r\n    type: io.kestra.plugin.core.log.Log\n"
        + trigger,
        "flows/paused.yaml": flow + trigger + "disabled: true\n",
        "notes.yaml": "tasks:\n  - type: io.kestra.plugin.core.log.Log\n",  # no namespace: not a flow
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("kestra-flow", "flows/train.yaml")] == "strong"
    assert found[("kestra-triggered-training", "flows/train.yaml")] == "strong"
    assert ("kestra-triggered-training", "flows/report.yaml") not in found  # fired by a trigger, but trains nothing
    assert ("kestra-triggered-training", "flows/paused.yaml") not in found
    assert ("kestra-flow", "notes.yaml") not in found


def test_luigi_tasks_are_a_pipeline(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "pipeline/train.py": "import luigi\n\nclass TrainModel(luigi.Task):\n    def run(self):\n        pass\n",
        "other/tasks.py": "class TrainModel(luigi.Task):\n    pass\n",  # no luigi import: a copy, not a pipeline
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("python-pipeline-frameworks", "pipeline/train.py")] == "strong"
    assert ("python-pipeline-frameworks", "other/tasks.py") not in found


def test_an_azure_pipelines_folder_without_a_dot_is_ci(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "azure-pipelines/templates/invoke.template.yml": (
            "steps:\n  - task: AzureCLI@2\n    inputs:\n"
            "      inlineScript: az ml run submit-pipeline --pipeline-name training\n"
        ),
        "azure-pipelinesX/invoke.yml": "steps:\n  - script: az ml run submit-pipeline --pipeline-name training\n",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("ci-pipeline-training", "azure-pipelines/templates/invoke.template.yml")] == "strong"
    assert ("ci-pipeline-training", "azure-pipelinesX/invoke.yml") not in found


def test_an_azure_ml_run_registers_its_model(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "src/register.py": (
            "from azureml.core import Run\nrun = Run.get_context()\nrun.register_model(model_path='m.pkl')\n"
        ),
        "src/other.py": "run.register_model(model_path='m.pkl')\n",  # no Azure ML here: another tool's method
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("azureml-model-registry", "src/register.py")] == "strong"
    assert ("azureml-model-registry", "src/other.py") not in found


def test_variables_named_for_production_configure_an_environment(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "configuration/configuration-infra-PRD.variables.yml": "variables:\n  ENVIRONMENT: PRD\n",
        "configuration/configuration-infra-DEV.variables.yml": "variables:\n  ENVIRONMENT: DEV\n",
        "pipelines/deploy-PRD.yml": "trigger:\n- main\nsteps:\n  - script: ./deploy.sh\n",  # a pipeline, not a config
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("environment-configs", "configuration/configuration-infra-PRD.variables.yml")] == "strong"
    assert ("environment-configs", "pipelines/deploy-PRD.yml") not in found


def test_the_older_openai_client_moderates_too(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "pages/api/search.ts": (
            "const moderation = await openai\n  .createModeration({ input: query })\n  .then((res) => res.json())\n"
        ),
        "pages/api/other.ts": "// createModeration is not called here\nconst x = 1\n",
    }
    found = found_in(scan_tree(tmp_path, files, shipped))
    assert found[("llm-guardrail-checks", "pages/api/search.ts")] == "strong"
    assert ("llm-guardrail-checks", "pages/api/other.ts") not in found
