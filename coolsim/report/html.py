"""The HTML report of a case: one self-contained page, with its JSON and CSV.

:func:`write_report` runs a case (or takes its results), draws the figures
(:mod:`coolsim.report.figures`), assembles one HTML file — figures embedded as
base64 PNG ``data:`` URIs, the stylesheet inline, no scripts, no external
fonts or links — and writes it with the JSON of ``coolsim compare --json``
(:func:`coolsim.compare.comparison_json`) and a CSV of the headline table.
Every file is written to a temporary file in the output directory and renamed
into place only after all of them are complete (:func:`write_files`), so an
interrupted run leaves the previous report, or none, never half a report.

The page is assembled here (:func:`render_report`, :func:`headline_csv`,
:func:`write_files`, :func:`write_report`); the HTML helpers and sections are
in :mod:`coolsim.report.sections` and the assumption rows in
:mod:`coolsim.report.assumptions`.  Every name that lived in this module
before that split is still importable from it.

Optional sections
-----------------
``annual``: ``{name: result}``, one per architecture, where a result has

* ``monthly_pue`` — 12 floats (an attribute, or a method returning them);
* an energy breakdown: a method ``energy_breakdown()`` returning
  ``{label: energy Quantity}`` whose terms add up to the facility energy, or
  (as :class:`coolsim.annual.AnnualResult` has) an ``energy`` dict keyed by
  :data:`coolsim.annual.SUBSYSTEMS` plus ``"compute"``;
* optionally ``table_rows()`` → ``[(label with unit, text)]``,
  ``infeasible_hours`` (int) and ``infeasible_reasons`` (``{reason: hours}``).

``economics``: ``{name: entry}`` as in
:func:`coolsim.economics.economics_json` (the whole document, with its
``"assumptions"`` and ``"architectures"``, is accepted too); money is
``{"magnitude", "units"}``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from pathlib import Path

from .. import __version__
from ..errors import OutOfRangeError
from . import assumptions as _assumptions
from . import figures as _fig
from . import sections as _sections
from .assumptions import assumption_tables
from .sections import (
    _annual_section,
    _assumptions_section,
    _e,
    _economics_section,
    _feasibility,
    _hall_site,
    _img,
    _is_number,
    _table,
    markdown_table_html,
)

__all__ = ["write_report", "render_report", "assumption_tables", "markdown_table_html", "headline_csv", "write_files",
           "REPORT_FILES"]

REPORT_FILES = ("report.html", "results.json", "results.csv")
"""Names of the files :func:`write_report` writes into its output directory."""

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2430;
margin:0;background:#f6f7f9;line-height:1.45}
main{max-width:1180px;margin:0 auto;padding:24px 32px 48px;background:#fff}
h1{font-size:1.7em;margin:0.2em 0}h2{border-bottom:2px solid #0072B2;padding-bottom:4px;margin-top:1.8em}
h3{margin-top:1.4em}.meta{color:#5a6475;font-size:0.9em}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:0.92em}
nav a{color:#0072B2;text-decoration:none}
table{border-collapse:collapse;margin:0.6em 0 1em;font-size:0.9em}
th,td{padding:4px 10px;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{background:#eef2f6;text-align:left}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.sub{padding-left:26px;color:#4a5464}tr.total td{font-weight:600;border-top:1.5px solid #9aa3af}
td.bad{color:#fff;background:#b3261e;font-weight:600}td.good{color:#0a6b3c;font-weight:600}
.infeasible{border-left:6px solid #b3261e;background:#fdecea;padding:10px 14px;margin:10px 0;border-radius:4px}
.advisory{border-left:6px solid #E69F00;background:#fff6e0;padding:10px 14px;margin:10px 0;border-radius:4px}
.feasible{border-left:6px solid #009E73;background:#e8f6ef;padding:10px 14px;margin:10px 0;border-radius:4px}
.infeasible strong{color:#b3261e}
figure{margin:1.2em 0;text-align:center}figure img{max-width:100%;height:auto;border:1px solid #e3e6ea}
figure.span{grid-column:1/-1}figcaption{font-size:0.88em;color:#4a5464;margin-top:4px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:8px 24px}
details{margin:0.5em 0}summary{cursor:pointer;font-weight:600}
td.src{font-size:0.92em;color:#3b4453;max-width:560px}code{font-size:0.92em}
.wide{overflow-x:auto}footer{margin-top:3em;font-size:0.85em;color:#5a6475}
"""

# Private helpers that lived in this module before the split, kept importable from it.
_monthly_pue = _sections._monthly_pue
_energy_breakdown = _sections._energy_breakdown
_MONEY_LABELS = _sections._MONEY_LABELS
_money_text = _sections._money_text
_param_docs = _assumptions._param_docs
_source_of = _assumptions._source_of
_field = _assumptions._field
_same = _assumptions._same
_schema_value = _assumptions._schema_value
_constant_notes = _assumptions._constant_notes


# ----------------------------------------------------------------------------- the page
def render_report(case, results: dict, *, annual=None, economics=None, progress=None) -> str:
    """The report page of a case run, as HTML text.

    Parameters
    ----------
    case : Case
        The case (:func:`coolsim.cases.load_case`).
    results : dict
        ``{name: ChainResult}`` from ``case.run()``.
    annual, economics : dict, optional
        Optional sections (see the module notes).
    progress : callable, optional
        ``progress(done, total, label)`` after each step.

    Returns
    -------
    str
        One self-contained HTML document.
    """
    from ..compare import buildup_markdown, case_title, comparison_rows, maintenance_rows
    from ..maintenance import maintenance_summary

    steps = 7 + (2 if annual else 0) + (1 if economics else 0)
    state = {"done": 0}

    def step(label):
        if progress is not None:
            progress(state["done"], steps, label)
        state["done"] += 1

    names = list(results)
    step("tables")
    table = comparison_rows(results) + maintenance_rows(case, results)
    sums = {n: maintenance_summary(case.architectures[n], r, case.it_load, case.maintenance) for n, r in results.items()}
    figs = []
    for fig_id, fn, arg, alt, caption in (
            ("fig-airflow", _fig.airflow_figure, results, "airflow per architecture",
             "IT airflow (server fans) and cooling-unit airflow, m³/s (cfm on the right)."),
            ("fig-coolant", _fig.coolant_flow_figure, results, "coolant flow per architecture",
             "Technology-loop coolant flow, L/min (US gpm on the right); forced air has none."),
            ("fig-pue", _fig.pue_figure, results, "PUE and TUE per architecture",
             "PUE = facility / IT power; TUE = facility / compute power (server fans counted as overhead)."),
            ("fig-maintenance", _fig.maintenance_figure, sums, "maintenance downtime and lost revenue per architecture",
             "Downtime per server-year and lost GPU revenue per year from repairs."),
            ("fig-power", _fig.power_breakdown_figure, results, "facility power breakdown per architecture",
             "Facility power term by term; the stack is the facility power.")):
        step("figure: " + alt.split(" per ")[0])
        figs.append(_img(fn(arg), alt, caption, fig_id, span=fig_id == "fig-power"))
    title = case_title(case)
    desc = case.description
    it = case.it_load
    head = (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<meta name=\"generator\" content=\"coolsim {_e(__version__)}\">"
            f"<title>{_e(title)} — coolsim report</title><style>{_CSS}</style></head><body><main>")
    toc = [("feasibility", "Feasibility"), ("hall", "Hall and site"), ("results", "Results"),
           ("buildup", "Power build-up"), ("figures", "Figures")]
    if annual:
        toc.append(("annual", "The year at the site"))
    if economics:
        toc.append(("economics", "Economics"))
    toc.append(("assumptions", "Assumptions"))
    parts = [head, f"<header><h1>{_e(title)}</h1>",
             f"<p>{_e(desc)}</p>" if desc else "",
             f'<p class="meta">{it.server_count:,} × {_e(it.server.name)} ({it.gpu_count:,} GPUs) at '
             f"{_e(case.site.name)}; utilisation {100 * case.utilisation:.0f} %. Case file: "
             f"<code>{_e(case.path if case.path is not None else '(built in)')}</code>; coolsim {_e(__version__)}.</p>",
             "<nav><ul>" + "".join(f'<li><a href="#{k}">{_e(v)}</a></li>' for k, v in toc) + "</ul></nav></header>",
             '<section id="feasibility"><h2>Feasibility</h2>', _feasibility(results, annual), "</section>",
             '<section id="hall"><h2>Hall and site</h2>', _hall_site(case), "</section>",
             '<section id="results"><h2>Results, side by side</h2>'
             "<p>Design point. Units in brackets; ratios are dimensionless. IT power includes server fans "
             "(the PUE boundary of The Green Grid and ISO/IEC 30134-2).</p>",
             '<div class="wide">', _table(["", *names], [[label, *cells] for label, cells in table]), "</div></section>",
             '<section id="buildup"><h2>Power build-up, term by term</h2><div class="wide">',
             markdown_table_html(buildup_markdown(results)), "</div></section>",
             '<section id="figures"><h2>Figures</h2><div class="grid">', *figs, "</div></section>"]
    if annual:
        parts.append(_annual_section(annual, step))
    if economics:
        parts.append(_economics_section(economics, step))
    step("assumptions")
    parts.append(_assumptions_section(case))
    parts.append(f"<footer>Written by <code>coolsim report</code> (coolsim {_e(__version__)}). The same figures are in "
                 "<code>results.json</code> (SI units) and <code>results.csv</code> next to this file.</footer>")
    parts.append("</main></body></html>\n")
    if progress is not None:
        progress(steps, steps, "page assembled")
    return "".join(parts)


def headline_csv(case, results: dict, annual=None, economics=None) -> str:
    """The headline table as CSV: ``quantity, units, <one column per architecture>``.

    Parameters
    ----------
    case : Case
        The case.
    results : dict
        ``{name: ChainResult}``.
    annual : dict, optional
        ``{name: AnnualResult-like}``: adds the annual rows of ``coolsim
        compare`` (from each result's ``table_rows()``, when it has one).
    economics : dict, optional
        The ``economics_json`` document or its ``"architectures"`` part: adds
        the economics rows of ``coolsim compare`` (without the ``*`` marks;
        the ``feasible`` and ``infeasible hours`` rows say which hold).

    Numbers are written without thousands separators; an empty cell means
    "not applicable" (e.g. the coolant flow of forced air).
    """
    from ..compare import annual_rows, comparison_rows, maintenance_rows
    from ..economics.retrofit import rows_from_json

    rows = comparison_rows(results) + maintenance_rows(case, results)
    if annual:
        rows += annual_rows(annual)
    if economics:
        rows += rows_from_json(economics)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["quantity", "units", *results])
    for label, cells in rows:
        m = re.fullmatch(r"\s*(.*?)\s*\[(.*)\]\s*", label)
        name, units = (m.group(1), m.group(2)) if m else (label.strip(), "")
        out = []
        for c in cells:
            c = c.strip()
            out.append("" if c == "—" else (c.replace(",", "") if _is_number(c) else c))
        w.writerow([name, units, *out])
    return buf.getvalue()


# ----------------------------------------------------------------------------- writing
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_files(files: dict) -> list[Path]:
    """Write several files so each is either complete or untouched.

    Every file is first written in full to a temporary file in its own
    directory; only when all are written are they renamed into place with
    :func:`os.replace` (atomic on POSIX and Windows within one file system).
    On any error — including ``KeyboardInterrupt`` — the temporary files are
    removed and the previous files are left as they were.

    Parameters
    ----------
    files : dict
        ``{path: str or bytes}``.

    Returns
    -------
    list of Path
        The paths written.
    """
    staged = []
    mode = 0o666 & ~_umask()
    try:
        for path, content in files.items():
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((tmp, path))
            data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, mode)
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise
    return [path for _, path in staged]


def write_report(case, out_dir, *, annual=None, economics=None, progress=None, results=None) -> Path:
    """Write the HTML report of a case, with its JSON and CSV, into ``out_dir``.

    Parameters
    ----------
    case : Case
        The case to report (:func:`coolsim.cases.load_case`).
    out_dir : str or Path
        Output directory (created if needed); receives :data:`REPORT_FILES`.
    annual : dict, optional
        ``{name: AnnualResult-like}`` for the year section (module notes).
    economics : dict, optional
        ``{name: economics entry}`` or the whole ``economics_json`` document.
    progress : callable, optional
        ``progress(done, total, label)`` after each step, e.g.
        :class:`coolsim.report.progress.TextProgress`.
    results : dict, optional
        ``{name: ChainResult}`` if the case has already been run.

    Returns
    -------
    Path
        The HTML file.

    Notes
    -----
    Nothing is written until every figure and table has been made, and then
    all files are written atomically together (:func:`write_files`): a failure
    or an interrupt leaves no partial report and no temporary files.

    Examples
    --------
    >>> import tempfile
    >>> from coolsim.cases import REFERENCE_CASE, load_case
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = write_report(load_case(REFERENCE_CASE), d)
    ...     sorted(p.name for p in path.parent.iterdir())
    ['report.html', 'results.csv', 'results.json']
    """
    from ..compare import comparison_json

    if annual is not None and not isinstance(annual, dict):
        raise OutOfRangeError(f"parameter 'annual' must be a dict of name -> annual result; got {type(annual).__name__}")
    if economics is not None and not isinstance(economics, dict):
        raise OutOfRangeError(f"parameter 'economics' must be a dict; got {type(economics).__name__}")
    if progress is not None and not callable(progress):
        raise OutOfRangeError(f"parameter 'progress' must be callable or None; got {progress!r}")
    if results is None:
        results = case.run()
    out = Path(out_dir)
    page = render_report(case, results, annual=annual, economics=economics, progress=progress)
    json_annual = {k: v for k, v in annual.items() if hasattr(v, "to_json")} if annual else None
    doc = comparison_json(case, results, json_annual)
    if economics:
        per = economics.get("architectures", economics)
        for name, entry in per.items():
            if name in doc and isinstance(doc[name], dict):
                doc[name]["economics"] = entry
    files = {out / "report.html": page, out / "results.json": json.dumps(doc, indent=2) + "\n",
             out / "results.csv": headline_csv(case, results, annual, economics)}
    write_files(files)
    return out / "report.html"
