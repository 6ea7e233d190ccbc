"""Figures of a case report, drawn with matplotlib and returned as PNG bytes.

matplotlib is imported lazily, inside the functions, and only its
object-oriented API with an Agg canvas is used (no ``pyplot``, no global
backend change), so importing :mod:`coolsim.report` costs nothing and the
figures draw without a display.  Each function returns the bytes of a PNG file,
ready to be embedded in HTML as a ``data:image/png;base64,...`` URI.

Two generic drawings (:func:`bar_figure`, :func:`line_figure`) carry all the
styling; the named figures (:func:`airflow_figure`, :func:`coolant_flow_figure`,
:func:`pue_figure`, :func:`power_breakdown_figure`,
:func:`maintenance_figure`) take the ``{name: ChainResult}`` of a case run.
Colours are the Okabe–Ito palette, distinguishable with the common colour-vision
deficiencies (Okabe & Ito, *Color Universal Design*, 2008).
"""

from __future__ import annotations

import io
import textwrap

import numpy as np

from ..compare import FACILITY_TERMS

__all__ = [
    "POWER_TERMS",
    "power_breakdown",
    "bar_figure",
    "line_figure",
    "airflow_figure",
    "coolant_flow_figure",
    "pue_figure",
    "power_breakdown_figure",
    "maintenance_figure",
]

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000",
           "#999999", "#8C564B", "#17BECF")
"""Okabe–Ito colours (plus three neutrals for long stacks)."""

DPI = 100
M3S_TO_CFM = 2118.880003
"""Cubic feet per minute in one m³/s (exact: 0.3048³ m³ per 60 s)."""
M3S_TO_LPM = 60000.0
M3S_TO_GPM = 60.0 / 3.785411784e-3
"""US gallons per minute in one m³/s (1 US gal = 3.785411784 L, exact)."""

#: Facility power terms that add up to the facility power: (label, SI getter on a ChainResult),
#: the same terms as the term-by-term build-up of :mod:`coolsim.compare`.
POWER_TERMS = FACILITY_TERMS


def _max(x) -> float:
    a = np.asarray(getattr(x, "magnitude", x), dtype=float)
    return float(a) if a.ndim == 0 else float(np.max(a))


def power_breakdown(result) -> dict:
    """Facility power of a chain result split into :data:`POWER_TERMS`.

    Parameters
    ----------
    result : ChainResult
        A design-point run (array results give each term's maximum).

    Returns
    -------
    dict
        ``{label: power}`` [W]; the terms add up to the facility power.
    """
    return {label: _max(get(result)) for label, get in POWER_TERMS}


def _label(name: str, width: int = 16) -> str:
    return textwrap.fill(str(name).replace("_", " "), width)


def _thousands(axis):
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}" if abs(v) >= 100 else f"{v:g}"))


def _figure(width=7.2, height=3.6):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def _style(ax, ylabel, title):
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, fontsize=11, loc="left")
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _bars(ax, names, series, stacked, fmt, ymin=None):
    x = np.arange(len(names))
    labels = list(series)
    n = len(labels)
    width = 0.7 if stacked else 0.8 / max(n, 1)
    bottom = np.zeros(len(names))
    for i, label in enumerate(labels):
        values = np.array([np.nan if v is None else float(v) for v in series[label]])
        shown = np.nan_to_num(values)
        if stacked:
            ax.bar(x, shown, width, bottom=bottom, label=label, color=PALETTE[i % len(PALETTE)],
                   edgecolor="white", linewidth=0.5)
            bottom = bottom + shown
        else:
            pos = x + (i - (n - 1) / 2) * width
            base = 0.0 if ymin is None else ymin
            bars = ax.bar(pos, shown - base, width, bottom=base, label=label, color=PALETTE[i % len(PALETTE)])
            if fmt:
                texts = ["none" if np.isnan(v) else fmt.format(v) for v in values]
                ax.bar_label(bars, texts, padding=2, fontsize=8)
    if stacked and fmt:
        for xi, total in zip(x, bottom):
            ax.annotate(fmt.format(total), (xi, total), xytext=(0, 2), textcoords="offset points",
                        ha="center", va="bottom", fontsize=8)
    ax.set_xticks(x, [_label(n) for n in names], fontsize=9)


def bar_figure(names, series: dict, ylabel: str, title: str = "", *, stacked=False, fmt="{:,.0f}",
               secondary=None, ymin=None, legend_outside=False) -> bytes:
    """Grouped (or stacked) bars, one group per architecture, as PNG bytes.

    Parameters
    ----------
    names : sequence of str
        Architecture names (x axis).
    series : dict
        ``{label: values}``, one value per name (``None`` draws no bar and
        labels it "none") [unit of ``ylabel``].
    ylabel : str
        Axis label with its unit in brackets.
    title : str
        Figure title.
    stacked : bool
        Stack the series (totals are written on top).
    fmt : str or None
        Format of the value labels; ``None`` for none.
    secondary : tuple or None
        ``(label, factor)``: a right-hand axis showing the values × factor.
    ymin : float or None
        Bottom of the bars (e.g. 1 for PUE).
    legend_outside : bool
        Put the legend right of the axes (for long stacks).

    Returns
    -------
    bytes
        A PNG file.

    Examples
    --------
    >>> png = bar_figure(["air", "liquid"], {"PUE": [1.3, 1.1]}, "PUE [-]", ymin=1.0, fmt="{:.2f}")
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    names = list(names)
    fig = _figure(10.0 if legend_outside else 7.2, 3.8)
    ax = fig.add_subplot()
    _bars(ax, names, series, stacked, fmt, ymin)
    _style(ax, ylabel, title)
    if ymin is not None:
        ax.set_ylim(bottom=ymin)
    top = ax.get_ylim()[1]
    ax.set_ylim(top=top + 0.08 * (top - ax.get_ylim()[0]))
    if secondary is not None:
        label, factor = secondary
        sec = ax.secondary_yaxis("right", functions=(lambda v: v * factor, lambda v: v / factor))
        sec.set_ylabel(label)
        _thousands(sec.yaxis)
    if ymin is None:
        _thousands(ax.yaxis)
    if len(series) > 1:
        if legend_outside:
            ax.legend(loc="upper left", bbox_to_anchor=(1.12 if secondary else 1.02, 1.0), fontsize=8, frameon=False,
                      reverse=stacked)
        else:
            ax.legend(fontsize=8, frameon=False, ncols=min(len(series), 3))
    return _png(fig)


def line_figure(x, series: dict, xlabel: str, ylabel: str, title: str = "", *, xticks=None) -> bytes:
    """Lines with markers, one per architecture, as PNG bytes.

    Parameters
    ----------
    x : array_like
        Abscissae [unit of ``xlabel``].
    series : dict
        ``{label: values}`` (NaN leaves a gap) [unit of ``ylabel``].
    xlabel, ylabel : str
        Axis labels with units in brackets.
    title : str
        Figure title.
    xticks : sequence of str, optional
        Tick labels at ``x``.

    Returns
    -------
    bytes
        A PNG file.

    Examples
    --------
    >>> png = line_figure([1, 2, 3], {"a": [1.1, 1.2, 1.1]}, "month", "PUE [-]")
    >>> len(png) > 1000
    True
    """
    fig = _figure(7.2, 3.6)
    ax = fig.add_subplot()
    for i, (label, values) in enumerate(series.items()):
        ax.plot(x, np.asarray(values, dtype=float), marker="o", markersize=4, linewidth=1.8,
                color=PALETTE[i % len(PALETTE)], label=str(label).replace("_", " "))
    _style(ax, ylabel, title)
    ax.set_xlabel(xlabel)
    if xticks is not None:
        ax.set_xticks(list(x), list(xticks))
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return _png(fig)


def _summaries(results):
    return {name: r.summary() for name, r in results.items()}


def airflow_figure(results: dict) -> bytes:
    """IT (server) airflow and cooling-unit airflow per architecture [m³/s, cfm on the right].

    Parameters
    ----------
    results : dict
        ``{name: ChainResult}``.
    """
    s = _summaries(results)
    series = {
        "IT (server fans)": [_max(v["it_airflow"].to("m**3/s")) for v in s.values()],
        "cooling units (CRAH / fan wall)": [_max(v["cooling_airflow"].to("m**3/s")) for v in s.values()],
    }
    return bar_figure(list(results), series, "airflow [m³/s]", "Airflow", fmt="{:,.0f}",
                      secondary=("airflow [cfm]", M3S_TO_CFM))


def coolant_flow_figure(results: dict) -> bytes:
    """Technology-loop coolant flow per architecture [L/min, gpm on the right].

    Parameters
    ----------
    results : dict
        ``{name: ChainResult}``.
    """
    flows = []
    for v in _summaries(results).values():
        q = v["coolant_flow"]
        flows.append(None if q is None else _max(q.to("L/min")))
    return bar_figure(list(results), {"coolant flow": flows}, "coolant flow [L/min]",
                      "Coolant flow (technology loop)", fmt="{:,.0f}", secondary=("coolant flow [gpm]",
                                                                                   M3S_TO_GPM / M3S_TO_LPM))


def pue_figure(results: dict) -> bytes:
    """PUE and TUE per architecture [-].

    Parameters
    ----------
    results : dict
        ``{name: ChainResult}``.
    """
    series = {"PUE = facility / IT": [_max(r.pue) for r in results.values()],
              "TUE = facility / compute": [_max(r.tue) for r in results.values()]}
    return bar_figure(list(results), series, "ratio [-]", "PUE and TUE", fmt="{:.3f}", ymin=1.0)


def power_breakdown_figure(results: dict) -> bytes:
    """Facility power per architecture stacked by :data:`POWER_TERMS` [MW]; right: the overhead above compute.

    Parameters
    ----------
    results : dict
        ``{name: ChainResult}``.
    """
    names = list(results)
    parts = {name: power_breakdown(r) for name, r in results.items()}
    series = {label: [parts[n][label] / 1e6 for n in names] for label, _ in POWER_TERMS}
    series = {k: v for k, v in series.items() if max(v) > 0.0}
    fig = _figure(10.0, 3.9)
    axes = fig.subplots(1, 2, width_ratios=(1.0, 1.0))
    _bars(axes[0], names, series, True, "{:.2f}")
    _style(axes[0], "power [MW]", "Facility power, term by term")
    axes[0].set_xticks(np.arange(len(names)), [_label(n, 11) for n in names], fontsize=8)
    overhead = {k: v for k, v in series.items() if not k.startswith("compute")}
    colours = dict(zip(series, PALETTE))
    x = np.arange(len(names))
    bottom = np.zeros(len(names))
    for label, values in overhead.items():
        axes[1].bar(x, values, 0.7, bottom=bottom, color=colours[label], edgecolor="white", linewidth=0.5)
        bottom = bottom + np.asarray(values)
    for xi, total in zip(x, bottom):
        axes[1].annotate(f"{total:.2f}", (xi, total), xytext=(0, 2), textcoords="offset points", ha="center",
                         fontsize=8)
    axes[1].set_xticks(x, [_label(n, 11) for n in names], fontsize=8)
    _style(axes[1], "power above compute [MW]", "Overhead above compute (zoom)")
    axes[1].set_ylim(top=1.12 * max(float(bottom.max()), 1e-9))
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles[::-1], labels[::-1], loc="outside right upper", fontsize=8, frameon=False)
    return _png(fig)


def maintenance_figure(summaries: dict) -> bytes:
    """Downtime per server-year [h] and lost revenue per year [M USD], two panels.

    Parameters
    ----------
    summaries : dict
        ``{name: MaintenanceSummary}``.

    ``summaries``: ``{name: MaintenanceSummary}``.
    """
    names = list(summaries)
    down = [_max(m.downtime_per_server_year.to("hour")) for m in summaries.values()]
    lost = [_max(m.lost_revenue_per_year.to("USD/year")) / 1e6 for m in summaries.values()]
    fig = _figure(7.2, 3.6)
    axes = fig.subplots(1, 2)
    for ax, values, ylabel, title, fmt, colour in (
            (axes[0], down, "downtime per server-year [h]", "Maintenance downtime", "{:.2f}", PALETTE[0]),
            (axes[1], lost, "lost revenue [M USD/year]", "Lost revenue", "{:.3f}", PALETTE[3])):
        x = np.arange(len(names))
        bars = ax.bar(x, values, 0.6, color=colour)
        ax.bar_label(bars, [fmt.format(v) for v in values], padding=2, fontsize=8)
        _style(ax, ylabel, title)
        ax.set_xticks(x, [_label(n, 11) for n in names], fontsize=8)
        ax.set_ylim(top=1.15 * max(max(values), 1e-12))
    return _png(fig)
