"""Exact-text CLI tests, help for every command, and docs/cli.md kept current."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from storytrace.cli import cli
from storytrace.cli_docs import render_cli_docs

DOCS = Path(__file__).resolve().parent.parent / "docs"
ARTICLE = (
    "Harbour minister Lena Okafor said on Tuesday that the port would reopen.\n\n"
    "“We are not going to wait for anyone,” Okafor told reporters.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_every_command_has_help(runner: CliRunner) -> None:
    assert isinstance(cli, click.Group)
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        result = runner.invoke(cli, [name, "--help"], prog_name="storytrace")
        assert result.exit_code == 0, result.output
        assert f"Usage: storytrace {name}" in result.output


def test_docs_cli_md_matches_help() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == render_cli_docs(), (
        "docs/cli.md is stale: run `make docs`"
    )


def test_bad_published_date_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["add", "x.txt", "--db", str(tmp_path / "d.db"), "--published", "March 3"]
    )
    assert result.exit_code == 2
    assert (
        "Invalid value for '--published': 'March 3' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM"
    ) in result.output


def test_show_unknown_article(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["show", "nope", "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 1
    assert result.output == (
        "Error: article nope: no article with id 'nope'\n"
        "Hint: `storytrace list` shows the stored ids\n"
    )


def test_db_from_environment(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = runner.invoke(cli, ["list"], env={"STORYTRACE_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_bad_config_file_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[parse]\nbatchsize = 1\n", encoding="utf-8")
    result = runner.invoke(
        cli, ["add", "x.txt", "--config", str(config), "--db", str(tmp_path / "d.db")]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {config}: unknown key 'batchsize'\n"
        "Hint: known keys: batch_size, max_chars, model\n"
    )


@pytest.mark.model
def test_add_list_show_export_report(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    article = tmp_path / "okafor.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = runner.invoke(
        cli,
        [
            "add",
            str(article),
            str(missing),
            "--db",
            db,
            "--quiet",
            "--outlet",
            "Harbour Ledger",
            "--published",
            "2026-03-04",
            "--title",
            "Port to reopen",
        ],
    )
    assert result.exit_code == 1  # one input was skipped
    lines = result.output.splitlines()
    assert lines[-1] == "1 added, 0 unchanged, 1 skipped (1 not found)"
    assert lines[0].startswith(f"skipped: {missing}: ")

    again = runner.invoke(cli, ["add", str(article), "--db", db, "--quiet"])
    assert again.exit_code == 0
    assert again.output == "0 added, 1 unchanged, 0 skipped\n"

    listed = runner.invoke(cli, ["list", "--db", db])
    assert "Harbour Ledger" in listed.output and "2026-03-04" in listed.output

    out = tmp_path / "out.json"
    exported = runner.invoke(cli, ["export", "--json", str(out), "--db", db])
    assert exported.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["articles"][0]["text"] == ARTICLE
    article_id = data["articles"][0]["id"]
    quotes = [q for q in data["attributions"] if q["kind"] == "direct"]
    assert quotes and quotes[0]["content"]["text"] == "“We are not going to wait for anyone,”"
    assert quotes[0]["speaker"]["name"] == "Lena Okafor"

    shown = runner.invoke(cli, ["show", article_id, "--db", db])
    assert shown.exit_code == 0
    assert "Lena Okafor" in shown.output and "We are not going to wait" in shown.output

    page = tmp_path / "r.html"
    reported = runner.invoke(cli, ["report", "-o", str(page), "--db", db])
    assert reported.output == f"wrote {page} (1 articles)\n"
    assert "Lena Okafor" in page.read_text(encoding="utf-8")


@pytest.mark.model
def test_analyze_json_to_stdout_is_pure_json(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(article), "--json", "-", "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "storytrace/1"
    assert result.stderr == "1 added, 0 unchanged, 0 skipped\n"
