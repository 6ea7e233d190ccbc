"""Sections of the HTML report: small HTML helpers, tables and the optional sections.

Each ``_*_section`` / ``_hall_site`` / ``_feasibility`` function returns an
HTML fragment that :func:`coolsim.report.html.render_report` puts on the
page; :func:`markdown_table_html` renders a Markdown pipe table.  The figures
come from :mod:`coolsim.report.figures` (looked up at call time) and the rows
of the assumptions section from :func:`coolsim.report.assumptions.assumption_tables`.
See :mod:`coolsim.report.html` for what the optional ``annual`` and
``economics`` inputs look like.
"""

from __future__ import annotations

import base64
import html
import re

import numpy as np

from ..errors import OutOfRangeError
from . import figures as _fig
from .assumptions import assumption_tables

__all__ = ["markdown_table_html"]


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
        from ..economics.table import payback_text

        h = (meta or {}).get("horizon", {}).get("magnitude")
        rows.append(["discounted payback [years]"] + [payback_text(entries[n].get("payback") or {}, h) for n in names])
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
