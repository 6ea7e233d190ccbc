"""Case reports: one self-contained HTML page per case, with figures, JSON and CSV.

:func:`write_report` is the entry point (``coolsim report CASE`` on the command
line, :mod:`coolsim.report.command`); :mod:`coolsim.report.figures` draws the
figures (matplotlib, imported lazily); :mod:`coolsim.report.progress` reports
progress of long runs on a terminal.  See ``docs/report.md``.
"""

from .html import REPORT_FILES, assumption_tables, headline_csv, markdown_table_html, render_report, write_files, \
    write_report
from .progress import TextProgress, labelled, quiet, scaled, text_progress

__all__ = ["write_report", "render_report", "assumption_tables", "headline_csv", "markdown_table_html", "write_files",
           "REPORT_FILES", "TextProgress", "text_progress", "labelled", "scaled", "quiet"]
