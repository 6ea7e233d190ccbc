"""The HTML report of a case: one self-contained page, with its JSON and CSV.

:func:`write_report` runs a case (or takes its results), draws the figures
(:mod:`coolsim.report.figures`), assembles one HTML file — figures embedded as
base64 PNG ``data:`` URIs, the stylesheet inline, no scripts, no external
fonts or links — and writes it with the JSON of ``coolsim compare --json``
(:func:`coolsim.compare.comparison_json`) and a CSV of the headline table.
Every file is written to a temporary file in the output directory and renamed
into place only after all of them are complete (:func:`write_files`), so an
interrupted run leaves the previous report, or none, never half a report.

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

import ast
import base64
import csv
import dataclasses
import html
import inspect
import io
import json
import os
import re
import tempfile
from pathlib import Path

import numpy as np

from .. import __version__
from ..errors import OutOfRangeError
from . import figures as _fig

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


# ----------------------------------------------------------------------------- small HTML helpers
def _e(x) -> str:
    return html.escape(str(x), quote=True)


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[-+−]?[\d,]*\.?\d+(e[-+]?\d+)?\s*%?|—", text.strip()))


def _table(header, rows, *, last_col_class=None) -> str:
    """An HTML table; ``rows`` are lists of cell texts; mostly numeric columns are right-aligned."""
    ncol = len(header)
    numeric = [False] + [sum(_is_number(str(r[i])) for r in rows) * 2 >= max(len(rows), 1) for i in range(1, ncol)]
    out = ["<table>", "<thead><tr>" + "".join(
        f'<th{" class=num" if numeric[i] else ""}>{_e(h)}</th>' for i, h in enumerate(header)) + "</tr></thead><tbody>"]
    for cells in rows:
        out.append("<tr>")
        for i, c in enumerate(cells):
            text = str(c)
            classes = []
            if i == 0 and text.startswith("  "):
                classes.append("sub")
            elif last_col_class and i == len(cells) - 1:
                classes.append(last_col_class)
            elif i < ncol and numeric[i]:
                classes.append("num")
            if text == "NO":
                classes.append("bad")
            elif text == "yes" and i:
                classes.append("good")
            attr = f' class="{" ".join(classes)}"' if classes else ""
            out.append(f"<td{attr}>{_e(text.strip())}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def markdown_table_html(md: str) -> str:
    """Render a simple Markdown pipe table as an HTML table.

    The first row is the header; the separator row's ``---:`` marks
    right-aligned columns; ``**bold**`` cells become bold rows (totals).
    Cell text is HTML-escaped.

    Parameters
    ----------
    md : str
        The table, one row per line, cells between ``|``.

    Returns
    -------
    str
        An HTML ``<table>``.

    Examples
    --------
    >>> markdown_table_html("| a | b |\\n|---|---:|\\n| **x** | 1 |")
    '<table><thead><tr><th>a</th><th class=num>b</th></tr></thead><tbody><tr class=total><td><strong>x</strong></td><td class=num>1</td></tr></tbody></table>'
    """
    lines = [ln.strip() for ln in md.strip().splitlines() if ln.strip().startswith("|")]
    if len(lines) < 2:
        raise OutOfRangeError(f"parameter 'md' must be a Markdown table with a header and a separator row; got {md!r}")

    def cells(line):
        return [c.strip() for c in line.strip().strip("|").split("|")]

    header, sep, body = cells(lines[0]), cells(lines[1]), [cells(ln) for ln in lines[2:]]
    right = [s.endswith(":") for s in sep]

    def cell(tag, text, i):
        bold = text.startswith("**") and text.endswith("**") and len(text) > 4
        inner = f"<strong>{_e(text[2:-2])}</strong>" if bold else _e(text)
        return f"<{tag}{' class=num' if i < len(right) and right[i] else ''}>{inner}</{tag}>"

    out = ["<table><thead><tr>", *(cell("th", h, i) for i, h in enumerate(header)), "</tr></thead><tbody>"]
    for row in body:
        total = row and row[0].startswith("**")
        out.append("<tr class=total>" if total else "<tr>")
        out += [cell("td", c, i) for i, c in enumerate(row)]
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _img(png: bytes, alt: str, caption: str, fig_id: str, span=False) -> str:
    data = base64.b64encode(png).decode("ascii")
    return (f'<figure id="{_e(fig_id)}"{" class=span" if span else ""}><img class="figure" src="data:image/png;base64,{data}" alt="{_e(alt)}">'
            f"<figcaption>{_e(caption)}</figcaption></figure>")


# ----------------------------------------------------------------------------- sections
def _hall_site(case) -> str:
    it, site = case.it_load, case.site
    s = it.server

    def q(x, unit, fmt="{:,.1f}"):
        return fmt.format(float(np.max(x.to(unit).magnitude)))

    max_it = float(s.max_power.to("kW").m) * it.server_count
    rows = [
        ["server", s.name],
        ["servers", f"{it.server_count:,}"],
        ["GPUs", f"{it.gpu_count:,}"],
        ["racks × servers per rack", f"{it.racks:,} × {it.servers_per_rack}"],
        ["maximum IT power [kW]", f"{max_it:,.0f}"],
        ["utilisation [%]", f"{100 * case.utilisation:.0f}"],
        ["site", site.name],
        ["dry bulb [°C]", q(site.dry_bulb, "degC")],
        ["wet bulb [°C]", q(site.wet_bulb, "degC")],
        ["elevation [m]", q(site.elevation, "m", "{:,.0f}")],
    ]
    return _table(["", "value"], rows)


def _feasibility(results: dict, annual: dict | None) -> str:
    out = []
    bad = False
    for name, r in results.items():
        reasons = r.feasibility.reasons_anywhere()
        hard = [x for x in reasons if not x.startswith("advisory")]
        soft = [x for x in reasons if x.startswith("advisory")]
        if hard:
            bad = True
            out.append(f'<div class="infeasible"><strong>{_e(name)}: infeasible at the design point</strong><ul>'
                       + "".join(f"<li>{_e(x)}</li>" for x in hard) + "</ul></div>")
        if soft:
            out.append(f'<div class="advisory"><strong>{_e(name)}</strong>: advisories<ul>'
                       + "".join(f"<li>{_e(x)}</li>" for x in soft) + "</ul></div>")
    for name, a in (annual or {}).items():
        hours = int(getattr(a, "infeasible_hours", 0) or 0)
        if hours:
            bad = True
            reasons = getattr(a, "infeasible_reasons", {}) or {}
            out.append(f'<div class="infeasible"><strong>{_e(name)}: {hours:,} infeasible hours in the year</strong>'
                       "<ul>" + "".join(f"<li>{_e(k)}: {int(v):,} h</li>" for k, v in reasons.items())
                       + "</ul></div>")
    if not bad:
        scope = "at the design point and in every hour of the year" if annual else "at the design point"
        out.insert(0, f'<div class="feasible">Every architecture is feasible {scope}.</div>')
    return "".join(out)


def _monthly_pue(a) -> list[float]:
    m = getattr(a, "monthly_pue")
    values = np.asarray(m() if callable(m) else m, dtype=float).ravel()
    if values.size != 12:
        raise OutOfRangeError(f"annual result's monthly_pue must give 12 values; got {values.size}")
    return values.tolist()


def _energy_breakdown(a) -> dict:
    """{label: energy [MWh]} whose terms add up to the facility energy."""
    if callable(getattr(a, "energy_breakdown", None)):
        return {str(k): float(np.max(v.to("MWh").magnitude)) for k, v in a.energy_breakdown().items()}
    from ..annual import SUBSYSTEMS

    e = {k: float(np.max(v.to("MWh").magnitude)) for k, v in a.energy.items()}
    out = {"compute (IT less server fans)": e["it"] - e["server_fans"]}
    out.update({SUBSYSTEMS[k][0]: e[k] for k in SUBSYSTEMS if k != "it"})
    return out


def _annual_section(annual: dict, progress) -> str:
    names = list(annual)
    parts = ['<section id="annual"><h2>The year at the site</h2>']
    rows = [getattr(a, "table_rows", lambda: [])() for a in annual.values()]
    if any(rows):
        labels = [label for label, _ in rows[0]]
        table = [[label] + [dict(r).get(label, "—") for r in rows] for label in labels]
        parts.append(_table(["", *names], table))
    progress("figure: monthly PUE")
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    png = _fig.line_figure(range(1, 13), {n: _monthly_pue(a) for n, a in annual.items()}, "month",
                           "PUE [-] (energy-weighted)", "Monthly PUE", xticks=months)
    parts.append('<div class="grid">')
    parts.append(_img(png, "monthly PUE per architecture", "Energy-weighted PUE of each month.", "fig-monthly-pue",
                      span=True))
    progress("figure: annual energy")
    breakdown = {n: _energy_breakdown(a) for n, a in annual.items()}
    labels = list(dict.fromkeys(k for b in breakdown.values() for k in b))
    series = {k: [breakdown[n].get(k, 0.0) / 1e3 for n in names] for k in labels}
    series = {k: v for k, v in series.items() if max(v) > 0.0}
    png = _fig.bar_figure(names, series, "energy [GWh/year]", "Annual energy by subsystem", stacked=True,
                          fmt="{:,.1f}", legend_outside=True)
    parts.append(_img(png, "annual energy breakdown per architecture",
                      "Annual facility energy, stacked by subsystem (the stack is the facility energy).",
                      "fig-annual-energy", span=True))
    parts.append("</div></section>")
    return "".join(parts)


_MONEY_LABELS = {"capex": "capital cost", "cooling_capex": "  of which cooling", "annual_opex": "operating cost",
                 "energy_cost_per_year": "  of which energy", "water_cost_per_year": "  of which water",
                 "lost_revenue_per_year": "lost revenue", "total_cost_of_ownership": "total cost of ownership",
                 "npv_vs_baseline": "NPV vs baseline", "incremental_capex": "incremental capital cost",
                 "annual_saving": "annual saving", "levelised_cost_per_gpu_hour": "levelised cost per GPU-hour"}


def _money_text(entry, key):
    v = entry.get(key)
    if not isinstance(v, dict) or "magnitude" not in v or v["magnitude"] is None:
        return None, None
    return float(v["magnitude"]), str(v.get("units", ""))


def _economics_section(economics: dict, progress) -> str:
    meta = economics.get("assumptions") if "architectures" in economics else None
    entries = economics["architectures"] if "architectures" in economics else economics
    names = list(entries)
    rows = []
    for key, label in _MONEY_LABELS.items():
        vals = [_money_text(entries[n], key) for n in names]
        if all(v is None for v, _ in vals):
            continue
        units = next(u for v, u in vals if v is not None)
        big = units.startswith("USD") and units != "USD / hour" and max(abs(v) for v, _ in vals if v is not None) >= 1e5
        scale, shown = (1e-6, "M " + units) if big else (1.0, units)
        fmt = "{:,.2f}" if big or units == "USD / hour" else "{:,.0f}"
        rows.append([f"{label} [{shown}]"] + ["—" if v is None else fmt.format(v * scale) for v, _ in vals])
    if any("irr" in entries[n] for n in names):
        rows.append(["IRR [%]"] + ["—" if entries[n].get("irr") is None else f"{100 * entries[n]['irr']:.1f}"
                                   for n in names])
    if any("payback" in entries[n] for n in names):
        cells = []
        for n in names:
            p = entries[n].get("payback") or {}
            if p.get("pays_back") and p.get("years"):
                cells.append(f"{p['years']['magnitude']:.1f}")
            else:
                cells.append("baseline" if p.get("reason") == "this is the baseline" else "never")
        rows.append(["discounted payback [years]"] + cells)
    parts = ['<section id="economics"><h2>Economics</h2>']
    if meta:
        horizon = meta.get("horizon", {}).get("magnitude")
        parts.append(f'<p class="meta">Baseline: {_e(meta.get("baseline", ""))}; mode: {_e(meta.get("mode", ""))}; '
                     f'discount rate {100 * float(meta.get("discount_rate", 0)):.1f} %/year; horizon {_e(horizon)} years. '
                     f'{_e(meta.get("annual_energy_basis", ""))}.</p>')
    parts.append(_table(["", *names], rows))
    progress("figure: economics")
    series = {}
    for key, label in (("cooling_capex", "cooling capital cost [M USD]"), ("npv_vs_baseline", "NPV vs baseline [M USD]"),
                       ("annual_opex", "operating cost [M USD/year]")):
        vals = [_money_text(entries[n], key)[0] for n in names]
        if any(v is not None for v in vals):
            series[label] = [None if v is None else v / 1e6 for v in vals]
    if series:
        png = _fig.bar_figure(names, series, "M USD (per year for operating cost)", "Costs and NPV", fmt="{:,.1f}")
        parts.append(_img(png, "capital cost, operating cost and NPV per architecture",
                          "Cooling capital cost, operating cost per year and NPV against the baseline.",
                          "fig-economics"))
    parts.append("</section>")
    return "".join(parts)


def _assumptions_section(case) -> str:
    general, per_arch, prose = assumption_tables(case)
    parts = ['<section id="assumptions"><h2>Assumptions and their sources</h2>',
             "<p>Every input of the run, with its value and where it comes from. “case file” marks a value the case "
             "sets that differs from coolsim's reference default; the source column quotes the documentation of "
             "the default.</p>", f"<p>{_e(prose)}</p>",
             '<h3>Hall, site, electrical and maintenance</h3><div class="wide">',
             _table(["input", "value", "origin", "source"], general, last_col_class="src"), "</div>"]
    for name, rows in per_arch.items():
        changed = sum(1 for r in rows if r[2] == "case file")
        parts.append(f"<details><summary>{_e(name)}: {len(rows)} inputs, {changed} set by the case file</summary>"
                     '<div class="wide">' + _table(["input", "value", "origin", "source"], rows, last_col_class="src") + "</div></details>")
    parts.append("</section>")
    return "".join(parts)


# ----------------------------------------------------------------------------- assumptions
def _param_docs(cls) -> dict:
    """{field name: description} from the numpydoc Parameters/Attributes sections of a class."""
    out = {}
    for klass in getattr(cls, "__mro__", (cls,)):
        doc = inspect.getdoc(klass) or ""
        lines = doc.splitlines()
        section, names, desc = None, [], []

        def flush():
            for n in names:
                out.setdefault(n, " ".join(desc).strip())

        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if nxt.startswith("---") and line.strip():
                flush()
                section, names, desc = line.strip(), [], []
            elif section in ("Parameters", "Attributes") and not line.startswith(" ") and not line.startswith("-"):
                m = re.match(r"^(\w+(?:\s*,\s*\w+)*)\s*(?::|$)", line)
                if m:
                    flush()
                    names, desc = [n.strip() for n in m.group(1).split(",")], []
            elif section in ("Parameters", "Attributes") and line.startswith(" "):
                desc.append(line.strip())
        flush()
    return out


def _source_of(root, key: str) -> str:
    obj = root
    parts = key.split(".")
    for part in parts[:-1]:
        obj = getattr(obj, part, None)
    text = _param_docs(type(obj)).get(parts[-1], "")
    return re.sub(r":\w+:`~?([^`]+)`", r"\1", text).replace("``", "") or "not documented"


def _field(root, key):
    obj = root
    for part in key.split("."):
        obj = getattr(obj, part, None)
    return obj


def _same(a, b) -> bool:
    """Whether two field values are equal (Quantities compared in the same units)."""
    try:
        if hasattr(a, "units") and hasattr(b, "units"):
            return a.dimensionality == b.dimensionality and bool(np.allclose(a.to(b.units).m, b.m, rtol=1e-12, atol=0))
        return bool(np.all(a == b))
    except (TypeError, ValueError, ArithmeticError):
        return False


def _schema_value(text: str) -> str:
    m = re.search(r'\(reference: "([^"]*)"\)', text)
    return m.group(1) if m else text.strip('"')


def _constant_notes(module, names) -> list:
    """(name, value, note) of module constants: the string after the assignment, or the comment block above."""
    lines = inspect.getsource(module).splitlines()
    tree = ast.parse("\n".join(lines))
    body = tree.body
    out = []
    for k, node in enumerate(body):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in names):
            continue
        note = ""
        nxt = body[k + 1] if k + 1 < len(body) else None
        if isinstance(nxt, ast.Expr) and isinstance(getattr(nxt, "value", None), ast.Constant) \
                and isinstance(nxt.value.value, str):
            note = " ".join(nxt.value.value.split())
        else:
            j, comments = node.lineno - 2, []
            while j >= 0 and re.match(r"^[A-Z_]+ = ", lines[j]):
                j -= 1
            while j >= 0 and lines[j].startswith("#"):
                comments.insert(0, lines[j].lstrip("#").strip())
                j -= 1
            note = " ".join(comments)
        out.append((node.targets[0].id, getattr(module, node.targets[0].id), note or "not documented"))
    return out


def assumption_tables(case):
    """The assumptions of a case, with their sources.

    Returns
    -------
    general : list
        ``[input, value, origin, source]`` rows for the hall, site, electrical
        defaults, maintenance policy and module constants.
    per_architecture : dict
        ``{name: rows}``: every settable input of each architecture's capture
        and rejection components (the case-file schema,
        :func:`coolsim.cases.component_schema`), its value, whether the case
        file changed it from the reference default of its kind, and the
        documentation of the field (which states the default's source).
    prose : str
        The plant choices of :mod:`coolsim.architectures`.
    """
    from .. import architectures as arch
    from .. import chain as chain_mod
    from .. import electrical, maintenance
    from ..cases import component_schema
    from ..site import DESIGN_SITES

    it, site = case.it_load, case.site
    builtin = any(site.name == v[0] for v in DESIGN_SITES.values())
    site_src = ("ASHRAE Handbook—Fundamentals 2009 cooling design conditions via the TMY3 EPW header "
                "(0.4 % dry bulb with the 0.4 % evaporation wet bulb)" if builtin else "case file")
    general = [
        ["server", it.server.name, "case file", " ".join(it.server.sources.split())],
        ["servers, racks", f"{it.server_count:,} in {it.racks:,} racks of {it.servers_per_rack}", "case file", "case file"],
        ["utilisation", f"{case.utilisation:g}", "case file", "case file (1 = design point, maximum power)"],
        ["site", site.name, "built-in design site" if builtin else "case file", site_src],
    ]
    for label, attr, unit in (("dry bulb", "dry_bulb", "degC"), ("wet bulb", "wet_bulb", "degC"),
                              ("elevation", "elevation", "m")):
        general.append([f"site {label}", f"{float(np.max(getattr(site, attr).to(unit).m)):g} {unit}",
                        "built-in design site" if builtin else "case file", site_src])
    policy = case.maintenance or maintenance.MaintenancePolicy()
    reference = maintenance.MaintenancePolicy()
    docs = _param_docs(maintenance.MaintenancePolicy)
    for f in dataclasses.fields(policy):
        value = getattr(policy, f.name)
        origin = "reference default" if value == getattr(reference, f.name) else "case file"
        general.append([f"maintenance.{f.name}", f"{value:~P}" if hasattr(value, "units") else repr(value), origin,
                        docs.get(f.name, "not documented")])
    for module, names in ((chain_mod, ("UPS_DESIGN_LOADING", "WHITE_SPACE_PER_RACK")),
                          (electrical, ("UPS_NO_LOAD", "UPS_PROPORTIONAL", "UPS_SQUARE", "PDU_NO_LOAD", "PDU_COPPER")),
                          (maintenance, ("HALL_HEIGHT", "TCS_INVENTORY", "SERVER_HEAT_CAPACITY", "TWO_PHASE_HEADSPACE"))):
        for name, value, note in _constant_notes(module, names):
            general.append([f"{module.__name__.split('.')[-1]}.{name}", f"{value:g}", "coolsim constant", note])
    general.append(["lighting power density", "10 W/m²", "coolsim constant", _param_docs(electrical.Lighting).get(
        "power_density", " ".join((electrical.Lighting.__doc__ or "").split()))])
    per_arch = {}
    for name, chain in case.architectures.items():
        kind = next((k for k, f in arch.KINDS.items() if type(f().capture) is type(chain.capture)), None)
        ref = arch.KINDS[kind]() if kind else None
        rows = []
        for part in ("capture", "rejection"):
            ref_values = dict(component_schema(getattr(ref, part), part)) if ref else {}
            for key, text in component_schema(getattr(chain, part), part):
                same = ref_values.get(key) == text or (key in ref_values and _same(_field(chain, key), _field(ref, key)))
                origin = "reference default" if same else "case file"
                rows.append([key, _schema_value(text), origin, _source_of(chain, key)])
        per_arch[f"{name} (kind {kind})"] = rows
    doc = arch.__doc__ or ""
    prose = " ".join(doc.split("=" * 10)[-1].split("\n", 1)[-1].split()) if "=" * 10 in doc else ""
    prose = re.sub(r":\w+:`~?([^`]+)`", r"\1", prose).replace("``", "")
    return general, per_arch, prose


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
    from ..compare import buildup_markdown, comparison_rows, maintenance_rows
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
    title = case.name
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


def headline_csv(case, results: dict) -> str:
    """The headline table as CSV: ``quantity, units, <one column per architecture>``.

    Parameters
    ----------
    case : Case
        The case.
    results : dict
        ``{name: ChainResult}``.

    Numbers are written without thousands separators; an empty cell means
    "not applicable" (e.g. the coolant flow of forced air).
    """
    from ..compare import comparison_rows, maintenance_rows

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["quantity", "units", *results])
    for label, cells in comparison_rows(results) + maintenance_rows(case, results):
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
             out / "results.csv": headline_csv(case, results)}
    write_files(files)
    return out / "report.html"
