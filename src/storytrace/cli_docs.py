"""Generate ``docs/cli.md`` from the commands' own ``--help``; CI checks it is current.

Run ``python -m storytrace.cli_docs docs/cli.md`` (``make docs``) after changing a command.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from storytrace.cli import cli

__all__ = ["render_cli_docs"]


def _sections(command: click.Command, ctx: click.Context, path: str) -> list[str]:
    """The help of ``command`` and, for a group, of each subcommand, as the shell shows it."""
    parts = [f"## {path}", "", "```text", command.get_help(ctx), "```", ""]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            sub = command.commands[name]
            # a child context inherits the group's settings (-h), as on the command line
            sub_ctx = click.Context(sub, info_name=name, parent=ctx, **sub.context_settings)
            parts += _sections(sub, sub_ctx, f"{path} {name}")
    return parts


def render_cli_docs() -> str:
    settings = {**cli.context_settings, "terminal_width": 100, "max_content_width": 100}
    ctx = click.Context(cli, info_name="storytrace", **settings)
    header = [
        "# CLI reference",
        "",
        "Generated from `storytrace --help` by `make docs`; a test checks it is current.",
        "",
    ]
    return "\n".join(header + _sections(cli, ctx, "storytrace"))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/cli.md")
    target.write_text(render_cli_docs(), encoding="utf-8")
