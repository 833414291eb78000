"""The HTML report in a real browser (Debian's chromium, headless): hostile
article text stays text, and the page renders with no network and no script."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from storytrace.records import Article, ArticleAnalysis, Attribution, Span, Speaker
from storytrace.report.html import render_html

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = (
    'Officials said "<img src=x onerror="document.title=\'pwned\'"> and '
    "<script>document.title='pwned'</script> & more\" in a statement."
)
#: flags for a root, offline, headless run (no sandbox, no background network)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _chromium(tmp_path: Path, *args: str) -> str:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def _page(tmp_path: Path) -> Path:
    start = HOSTILE.index("<img")
    end = HOSTILE.index('" in a')
    article = Article(
        id="h1",
        key="k",
        input="hostile.html",
        text=HOSTILE,
        title="<script>document.title='pwned'</script>Title",
        outlet="Outlet & Co",
        published="2026-03-04",
    )
    quote = Attribution(
        id="h1:q1",
        article="h1",
        kind="direct",
        content=Span(start, end, HOSTILE[start:end]),
        cue=Span(10, 14, "said"),
        source=Span(0, 9, "Officials"),
        speaker=Speaker(anonymous=True, description="Officials"),
    )
    path = tmp_path / "report.html"
    path.write_text(
        render_html([ArticleAnalysis(article=article, attributions=(quote,))]), encoding="utf-8"
    )
    return path


def test_hostile_text_is_inert_in_a_browser(tmp_path: Path) -> None:
    dom = _chromium(tmp_path, "--dump-dom", _page(tmp_path).as_uri())
    assert "<title>storytrace report</title>" in dom
    assert "pwned" not in dom.split("</title>")[0]
    assert "<img" not in dom and "<script>document" not in dom
    assert "&lt;img src=x onerror=" in dom
    assert "Outlet &amp; Co" in dom


def test_report_renders_to_a_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,900", _page(tmp_path).as_uri())
    assert shot.stat().st_size > 10_000  # a blank page is a few hundred bytes
