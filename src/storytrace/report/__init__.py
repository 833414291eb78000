"""Reports of what the store holds: JSON (the contract), HTML, terminal."""

from storytrace.report.html import render_html
from storytrace.report.json_report import build_export, export_dict, json_schema, write_json
from storytrace.report.terminal import print_article, print_articles, print_overview

__all__ = [
    "build_export",
    "export_dict",
    "json_schema",
    "print_article",
    "print_articles",
    "print_overview",
    "render_html",
    "write_json",
]
