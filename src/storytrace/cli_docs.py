"""Generate ``docs/cli.md`` from the commands' own ``--help``; CI checks it is current.

Run ``python -m storytrace.cli_docs docs/cli.md`` (``make docs``) after changing a command.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from storytrace.cli import cli

__all__ = ["render_cli_docs"]


def _help(command: click.Command, name: str) -> str:
    ctx = click.Context(command, info_name=name, terminal_width=100, max_content_width=100)
    return command.get_help(ctx)


def render_cli_docs() -> str:
    parts = ["# CLI reference", "",
             "Generated from `storytrace --help` by `make docs`; a test checks it is current.",
             "", "```text", _help(cli, "storytrace"), "```", ""]
    assert isinstance(cli, click.Group)
    for name in sorted(cli.commands):
        parts += [f"## storytrace {name}", "", "```text",
                  _help(cli.commands[name], f"storytrace {name}"), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/cli.md")
    target.write_text(render_cli_docs(), encoding="utf-8")
