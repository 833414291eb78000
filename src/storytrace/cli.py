"""The ``storytrace`` command line. Each command parses its options, calls one
function of :mod:`storytrace.api`, and turns a :class:`StorytraceError` into a
one-line message (plus a hint) and a non-zero exit code.

Exit codes: 0 success; 1 some inputs were skipped or an error stopped the
command; 2 usage error.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from storytrace import __version__, api
from storytrace.config import Config, load_config
from storytrace.errors import NotFound, StorytraceError
from storytrace.eval.datasets import DEFAULT_DATA_DIR
from storytrace.eval.events import EVENT_DATASETS, evaluate_events
from storytrace.eval.run import (
    QUOTE_DATASETS,
    TIME_DATASETS,
    EvalResult,
    evaluate_quotes,
    evaluate_time,
)
from storytrace.eval.stories import STORY_DATASETS, evaluate_stories
from storytrace.ingest import Metadata
from storytrace.link.across import CrossLinks
from storytrace.pipeline import IngestSummary
from storytrace.report.json_report import json_schema, write_json
from storytrace.report.terminal import print_article, print_articles, print_overview
from storytrace.report.terminal_cross import (
    print_citations,
    print_conflicts,
    print_people,
    print_quote_groups,
)
from storytrace.report.terminal_events import print_timeline
from storytrace.report.terminal_stories import print_stories, print_story
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


def _eval_options(choices: Sequence[str], datasets: str, unit: str) -> Callable[[F], F]:
    """The options every `eval` command shares: --dataset, --data-dir, --limit, --json."""

    def decorate(func: F) -> F:
        for option in reversed(
            (
                click.option("--dataset", required=True, type=click.Choice(choices), help=datasets),
                click.option(
                    "--data-dir",
                    type=click.Path(file_okay=False, path_type=Path),
                    default=DEFAULT_DATA_DIR,
                    show_default=True,
                    help="The shared/data folder.",
                ),
                click.option(
                    "--limit", type=click.IntRange(min=1), help=f"Score only the first N {unit}."
                ),
                click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON."),
            )
        ):
            func = option(func)
        return func

    return decorate


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

    Add articles to a store with `add`, look at them with `list`, `show`,
    `timeline` and `report`, or run everything at once, in memory, with `analyze`.
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
@click.argument("article", metavar="ARTICLE|STORY")
@_db_option
def show(article: str, db: str) -> None:
    """Show one stored ARTICLE: entities, attributions with speakers, time expressions, and
    the article's events in date order (conflicting dates marked). Given a STORY id
    (see `stories`), show the story: its articles in date order and its near-copies."""
    try:
        with Store(db) as store:
            analysis = store.analysis(article)
    except NotFound as not_article:
        try:
            found, articles, pairs = api.story(db, article)
        except NotFound:
            raise _fail(not_article) from not_article
        except StorytraceError as exc:
            raise _fail(exc) from exc
        print_story(found, articles, pairs, Console(highlight=False))
        return
    except StorytraceError as exc:
        raise _fail(exc) from exc
    print_article(analysis, Console(highlight=False))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
@_db_option
def stories(as_json: bool, db: str) -> None:
    """List the developing stories: id, label (the title of its earliest article),
    articles, outlets and date range, newest first. Articles join stories as they are
    added; a story id never changes (`show STORY` shows one)."""
    try:
        found = api.stories(db)
    except StorytraceError as exc:
        raise _fail(exc) from exc
    if as_json:
        write_json({"stories": [asdict(s) for s in found]}, sys.stdout)
    else:
        print_stories(found, Console(highlight=False))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
@_db_option
def timeline(as_json: bool, db: str) -> None:
    """Show the story timeline of everything stored: events merged across articles, in date
    order, with how precise each date is, who took part, the sources, and conflicting dates."""
    try:
        entries, analyses = api.timeline(db)
    except StorytraceError as exc:
        raise _fail(exc) from exc
    if as_json:
        write_json({"timeline": [asdict(e) for e in entries]}, sys.stdout)
    else:
        print_timeline(entries, analyses, Console(highlight=False))


def _cross(db: str) -> CrossLinks:
    try:
        return api.cross_links(db)
    except StorytraceError as exc:
        raise _fail(exc) from exc


@cli.command()
@click.option(
    "--all", "show_all", is_flag=True, help="Also quotes printed once (default: two or more)."
)
@click.option("--speaker", metavar="NAME", help="Only quotes of this speaker (any name seen).")
@click.option("--json", "as_json", is_flag=True, help="Print the quote groups as JSON.")
@_db_option
def quotes(show_all: bool, speaker: str | None, as_json: bool, db: str) -> None:
    """Show each quote with its wordings across outlets, diffed word by word: who printed
    which wording and when, who was first, and whether independent outlets carry it."""
    links = _cross(db)
    wanted = links.index.find(name=speaker) if speaker else None
    groups = [
        g
        for g in links.quote_groups
        if (show_all or len(g.articles) > 1 or len(g.variants) > 1)
        and (speaker is None or (wanted is not None and wanted in g.speakers))
    ]
    if as_json:
        write_json({"quote_groups": [asdict(g) for g in groups]}, sys.stdout)
    else:
        print_quote_groups(groups, Console(highlight=False))


@cli.command()
@click.option("--all", "show_all", is_flag=True, help="Also values that changed over time.")
@click.option("--json", "as_json", is_flag=True, help="Print the conflicts as JSON.")
@_db_option
def conflicts(show_all: bool, as_json: bool, db: str) -> None:
    """Show facts given different values (numbers and distances in any unit, dates, the
    speaker of a quote), each value with the articles and words that give it."""
    found = [c for c in _cross(db).conflicts if show_all or c.status == "contradiction"]
    if as_json:
        write_json({"conflicts": [asdict(c) for c in found]}, sys.stdout)
    else:
        print_conflicts(found, Console(highlight=False))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the citations as JSON.")
@_db_option
def citations(as_json: bool, db: str) -> None:
    """Show who cites whom: every article crediting an outlet or a document."""
    found = _cross(db).citations
    if as_json:
        write_json({"citations": [asdict(c) for c in found]}, sys.stdout)
    else:
        print_citations(found, Console(highlight=False))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the people as JSON.")
@_db_option
def people(as_json: bool, db: str) -> None:
    """Show who's who across articles: one row per person or organisation, with the names,
    titles and roles seen, and mentions per outlet."""
    found = [a for a in _cross(db).actors if a.type in ("PERSON", "ORG")]
    if as_json:
        write_json({"actors": [asdict(a) for a in found]}, sys.stdout)
    else:
        print_people(found, Console(highlight=False))


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
@_eval_options(
    QUOTE_DATASETS,
    "ggt: Gender Gap Tracker (ggt-tune / ggt-heldout: its even / odd half); "
    "polnear-dev/-train: PolNeAR splits.",
    "articles",
)
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
@_eval_options(
    TIME_DATASETS,
    "TimeBank + AQUAINT (tbaq), one of them, AQUAINT's tuned or held-out half, or "
    "MEANTIME (Wikinews).",
    "documents",
)
def eval_time(dataset: str, data_dir: Path, limit: int | None, as_json: bool) -> None:
    """Time expressions: TempEval-3 Task A extent P/R/F1, value accuracy and value F1."""
    _print_eval(lambda: evaluate_time(dataset, data_dir=data_dir, limit=limit), as_json)


@eval_.command(name="events")
@_eval_options(
    EVENT_DATASETS, "Giveme5W1H, or its dev / held-out test split (by story).", "articles"
)
def eval_events(dataset: str, data_dir: Path, limit: int | None, as_json: bool) -> None:
    """Main event of each article: who / what / when / where precision against coder phrases."""
    _print_eval(lambda: evaluate_events(dataset, data_dir=data_dir, limit=limit), as_json)


@eval_.command(name="stories")
@_eval_options(
    STORY_DATASETS,
    "neus_val, basil, pac (held out) or neus_train (where the model was tuned).",
    "articles",
)
@click.option(
    "--embeddings", is_flag=True, help="Add sentence embeddings (needs the [embeddings] extra)."
)
def eval_stories(
    dataset: str, data_dir: Path, limit: int | None, embeddings: bool, as_json: bool
) -> None:
    """Story clustering, streamed as `add` would: B-cubed and pairwise P/R/F1."""
    _print_eval(
        lambda: evaluate_stories(dataset, data_dir=data_dir, limit=limit, embeddings=embeddings),
        as_json,
    )


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the storytrace/1 contract."""
    write_json(json_schema(), sys.stdout)


def main() -> None:
    cli(prog_name="storytrace")
