"""The project's own promises: CI runs what the README says."""

from .conftest import REPO

TEST_COMMAND = "scripts/install.sh --dev && .venv/bin/python -m pytest"
RUN_COMMAND = "scripts/install.sh && .venv/bin/voice"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text()
    assert f"```sh\n{TEST_COMMAND}\n```" in readme
    assert f"```sh\n{RUN_COMMAND}\n```" in readme
    assert TEST_COMMAND in (REPO / ".ci" / "run").read_text().splitlines()
