"""The ``storytrace`` command line. Each command parses its options, calls one
function of :mod:`storytrace.api`, and turns a :class:`StorytraceError` into a
one-line message (plus a hint) and a non-zero exit code.

Exit codes: 0 success; 1 some inputs were skipped or an error stopped the
command; 2 usage error.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from storytrace import __version__, api
from storytrace.config import Config, load_config
from storytrace.errors import StorytraceError
from storytrace.eval.datasets import DEFAULT_DATA_DIR
from storytrace.eval.run import (
    QUOTE_DATASETS,
    TIME_DATASETS,
    EvalResult,
    evaluate_quotes,
    evaluate_time,
)
from storytrace.ingest import Metadata
from storytrace.pipeline import IngestSummary
from storytrace.report.json_report import json_schema, write_json
from storytrace.report.terminal import print_article, print_articles, print_overview
from storytrace.store import Store

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])
_PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$")


def _db_option(func: F) -> F:
    return click.option(
        "--db",
        default="storytrace.db",
        envvar="STORYTRACE_DB",
        show_default=True,
        show_envvar=True,
        help="Database file (SQLite) or SQLAlchemy URL.",
    )(func)


def _config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="TOML file overriding the default config key by key.",
    )(func)


def _quiet_option(func: F) -> F:
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="No progress bar; print only errors and the summary line.",
    )(func)


def _metadata_options(func: F) -> F:
    for option in reversed(
        (
            click.option("--title", help="Title of the .txt inputs of this call."),
            click.option("--outlet", help="Outlet of the .txt inputs of this call."),
            click.option("--url", help="URL of the .txt inputs of this call."),
            click.option(
                "--published",
                callback=_check_published,
                metavar="YYYY-MM-DD[THH:MM]",
                help="Publication date of the .txt inputs of this call.",
            ),
        )
    ):
        func = option(func)
    return func


def _check_published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _PUBLISHED.match(value):
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    return value


def _fail(exc: StorytraceError) -> click.ClickException:
    message = str(exc)
    if exc.hint:
        message += f"\nHint: {exc.hint}"
    return click.ClickException(message)


def _load(config_path: str | None) -> Config:
    try:
        return load_config(config_path)
    except StorytraceError as exc:
        raise _fail(exc) from exc


@contextmanager
def _progress(quiet: bool, label: str) -> Iterator[Callable[[IngestSummary], None]]:
    """A rich progress bar on stderr, fed by the pipeline's progress callback."""
    console = Console(stderr=True)
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    )
    task = bar.add_task(label, total=None, counts="")

    def update(summary: IngestSummary) -> None:
        bar.update(task, counts=summary.line())

    with bar:
        yield update


@contextmanager
def _busy(label: str) -> Iterator[None]:
    """A spinner on stderr for one long call (only on a terminal)."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield
        return
    with console.status(label):
        yield


def _report_summary(summary: IngestSummary, quiet: bool, out: Console) -> None:
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    for skip in summary.skipped:
        err.print(f"skipped: {skip.message}", markup=False)
    out.print(summary.line(), markup=False, highlight=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="storytrace")
def cli() -> None:
    """storytrace: who said what, to whom, when, and according to whom, across news coverage.

    Add articles to a store with `add`, look at them with `list`, `show` and
    `report`, or run everything at once, in memory, with `analyze`.
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@_config_option
@_metadata_options
@_quiet_option
def add(
    inputs: tuple[str, ...],
    db: str,
    config_path: str | None,
    title: str | None,
    outlet: str | None,
    url: str | None,
    published: str | None,
    quiet: bool,
) -> None:
    """Ingest INPUTS (.txt, .jsonl, .html, feeds, .warc[.gz], directories, URLs) into the store.

    Re-adding an article changes nothing; a new text at a known URL is stored as a
    revision. Bad inputs are skipped with a reason and the rest goes on.
    """
    config = _load(config_path)
    metadata = Metadata(title=title, outlet=outlet, url=url, published=published)
    try:
        with _progress(quiet, "ingesting") as progress:
            summary = api.add(inputs, db, config=config, metadata=metadata, progress=progress)
    except StorytraceError as exc:
        raise _fail(exc) from exc
    _report_summary(summary, quiet, Console(highlight=False))
    if summary.failed:
        sys.exit(1)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--json",
    "json_out",
    metavar="OUT|-",
    help="Write the storytrace/1 JSON to OUT (- for standard output).",
)
@click.option("--report", "report_out", metavar="OUT.html", help="Write an HTML report.")
@_config_option
@_metadata_options
@_quiet_option
def analyze(
    inputs: tuple[str, ...],
    json_out: str | None,
    report_out: str | None,
    config_path: str | None,
    title: str | None,
    outlet: str | None,
    url: str | None,
    published: str | None,
    quiet: bool,
) -> None:
    """Run the whole pipeline on INPUTS in memory (no store) and summarise it."""
    config = _load(config_path)
    metadata = Metadata(title=title, outlet=outlet, url=url, published=published)
    # with JSON on stdout, everything for humans goes to stderr
    out = Console(stderr=json_out == "-", highlight=False)
    try:
        with _progress(quiet, "analysing") as progress:
            analyses, summary = api.analyze(
                inputs, config=config, metadata=metadata, progress=progress
            )
        if json_out == "-":
            api.write_analyses_json(analyses, sys.stdout)
        elif json_out:
            with click.open_file(json_out, "w", encoding="utf-8") as handle:
                api.write_analyses_json(analyses, handle)
        if report_out:
            api.write_html(analyses, report_out)
    except StorytraceError as exc:
        raise _fail(exc) from exc
    except OSError as exc:
        raise click.ClickException(f"{exc.filename}: cannot write ({exc.strerror})") from exc
    if not quiet:
        print_overview(analyses, out)
    _report_summary(summary, quiet, out)
    if summary.failed:
        sys.exit(1)


@cli.command(name="list")
@_db_option
def list_(db: str) -> None:
    """List stored articles: id, publication date, outlet, title."""
    try:
        with Store(db) as store:
            articles = store.articles()
    except StorytraceError as exc:
        raise _fail(exc) from exc
    print_articles(articles, Console(highlight=False))


@cli.command()
@_db_option
def summary(db: str) -> None:
    """Summarise the store: articles, who is quoted most, and counts of what was extracted."""
    try:
        with Store(db) as store:
            analyses = list(store.analyses())
    except StorytraceError as exc:
        raise _fail(exc) from exc
    print_overview(analyses, Console(highlight=False))


@cli.command()
@click.argument("article")
@_db_option
def show(article: str, db: str) -> None:
    """Show one stored ARTICLE: entities, attributions with speakers, time expressions."""
    try:
        with Store(db) as store:
            analysis = store.analysis(article)
    except StorytraceError as exc:
        raise _fail(exc) from exc
    print_article(analysis, Console(highlight=False))


@cli.command()
@click.option(
    "-o", "--output", "out", required=True, metavar="OUT.html", help="Where to write the report."
)
@_db_option
def report(out: str, db: str) -> None:
    """Write a self-contained HTML report of everything stored."""
    try:
        with _busy("writing the report"):
            n = api.write_report(db, out)
    except StorytraceError as exc:
        raise _fail(exc) from exc
    click.echo(f"wrote {out} ({n} articles)")


@cli.command()
@click.option(
    "--json",
    "json_out",
    required=True,
    metavar="OUT|-",
    help="Where to write the storytrace/1 JSON (- for standard output).",
)
@_db_option
def export(json_out: str, db: str) -> None:
    """Export everything stored as storytrace/1 JSON."""
    try:
        with click.open_file(json_out, "w", encoding="utf-8") as handle, _busy("exporting"):
            n = api.export_json(db, handle)
    except StorytraceError as exc:
        raise _fail(exc) from exc
    except OSError as exc:
        raise click.ClickException(f"{json_out}: cannot write ({exc.strerror})") from exc
    if json_out != "-":
        click.echo(f"wrote {json_out} ({n} articles)")


@cli.group(name="eval")
def eval_() -> None:
    """Score storytrace on annotated datasets (see ../shared/DATASETS.md)."""


@eval_.command(name="quotes")
@click.option(
    "--dataset",
    required=True,
    type=click.Choice(QUOTE_DATASETS),
    help="ggt: Gender Gap Tracker; polnear-dev/-train: PolNeAR splits.",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_DATA_DIR,
    show_default=True,
    help="The shared/data folder.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_quotes(dataset: str, data_dir: Path, limit: int | None, as_json: bool) -> None:
    """Quote attribution: GGT quote P/R/F1, speaker and verb accuracy; PolNeAR spans."""
    _print_eval(lambda: evaluate_quotes(dataset, data_dir=data_dir, limit=limit), as_json)


def _print_eval(run: Callable[[], EvalResult], as_json: bool) -> None:
    try:
        with _busy("evaluating"):
            result = run()
    except StorytraceError as exc:
        raise _fail(exc) from exc
    if as_json:
        write_json(
            {"dataset": result.dataset, "articles": result.articles, "scores": result.scores},
            sys.stdout,
        )
    else:
        click.echo("\n".join(result.lines))


@eval_.command(name="time")
@click.option(
    "--dataset",
    required=True,
    type=click.Choice(TIME_DATASETS),
    help="TimeBank + AQUAINT (tbaq), or one of them.",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_DATA_DIR,
    show_default=True,
    help="The shared/data folder.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_time(dataset: str, data_dir: Path, limit: int | None, as_json: bool) -> None:
    """Time expressions: TempEval-3 Task A extent P/R/F1, value accuracy and value F1."""
    _print_eval(lambda: evaluate_time(dataset, data_dir=data_dir, limit=limit), as_json)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the storytrace/1 contract."""
    write_json(json_schema(), sys.stdout)


def main() -> None:
    cli(prog_name="storytrace")
