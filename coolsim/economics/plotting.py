"""One-at-a-time sensitivity (tornado) of a retrofit's NPV, and its figure.

:func:`tornado` evaluates any metric at a base point and with each input
moved, alone, to its low and its high value; :func:`retrofit_npv_metric`
builds the usual metric — the NPV of a baseline → alternative retrofit — from
two :class:`~coolsim.economics.costs.ArchitectureCosts` and optional
callables that recompute the alternative's annual energy (e.g. by rerunning
its chain at another supply temperature or liquid share) or its server
downtime (e.g. another drain time).  :func:`plot_tornado` draws the bars
with matplotlib (imported lazily, Agg backend) and saves a PNG.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import OutOfRangeError
from .costs import reprice
from .finance import DEFAULT_DISCOUNT_RATE, DEFAULT_HORIZON
from .retrofit import evaluate_retrofit

__all__ = ["TornadoRow", "TornadoResult", "tornado", "retrofit_npv_metric", "plot_tornado"]


@dataclass(frozen=True)
class TornadoRow:
    """One input moved alone: its low/high values and the metric there."""

    name: str
    low: object
    high: object
    metric_low: float
    metric_high: float

    @property
    def swing(self) -> float:
        return abs(self.metric_high - self.metric_low)


@dataclass(frozen=True)
class TornadoResult:
    """Rows sorted by swing, largest first, around ``base_metric``."""

    base_metric: float
    rows: tuple
    metric_name: str = "metric"
    units: str = ""


def _value(x):
    m = getattr(x, "magnitude", x)
    a = np.asarray(m, dtype=np.float64)
    if a.ndim != 0:
        raise OutOfRangeError(f"the metric must return a scalar; got shape {a.shape}")
    return float(a)


def tornado(metric, base: dict, ranges: dict, metric_name="metric", units="") -> TornadoResult:
    """One-at-a-time sensitivity of ``metric`` to each input in ``ranges``.

    Parameters
    ----------
    metric : callable
        ``metric(**params)`` → a scalar (float or Quantity; a Quantity is read
        in its own units, so return it in the unit you want to plot).
    base : dict
        Base value of every parameter ``metric`` takes.
    ranges : dict
        ``{name: (low, high)}`` for the inputs to vary; each name must be in ``base``.
    metric_name, units : str
        Labels for the figure.

    Returns
    -------
    TornadoResult

    Notes
    -----
    One at a time: interactions between inputs are not explored, and a
    non-monotonic metric may peak inside a range.

    References
    ----------
    .. [1] A. Saltelli et al., *Global Sensitivity Analysis: The Primer*,
       Wiley, 2008, §1.2 (one-at-a-time designs and their limits).

    Examples
    --------
    >>> t = tornado(lambda a, b: a + 10 * b, {"a": 1.0, "b": 1.0}, {"a": (0.0, 2.0), "b": (0.5, 1.5)})
    >>> [r.name for r in t.rows], t.rows[0].swing
    (['b', 'a'], 10.0)
    """
    if not callable(metric):
        raise OutOfRangeError("parameter 'metric' must be callable")
    unknown = set(ranges) - set(base)
    if unknown:
        raise OutOfRangeError(f"parameter 'ranges' names inputs missing from 'base': {sorted(unknown)}")
    m0 = _value(metric(**base))
    rows = []
    for name, (lo, hi) in ranges.items():
        rows.append(TornadoRow(name, lo, hi, _value(metric(**{**base, name: lo})), _value(metric(**{**base, name: hi}))))
    rows.sort(key=lambda r: r.swing, reverse=True)
    return TornadoResult(m0, tuple(rows), metric_name, units)


def retrofit_npv_metric(baseline, alternative, energy_inputs=None, downtime_inputs=None, mode="retrofit"):
    """The NPV of a retrofit as a function of its main inputs, for :func:`tornado`.

    Parameters
    ----------
    baseline, alternative : ArchitectureCosts
    energy_inputs : dict, optional
        ``{name: f}``, ``f(value)`` → the alternative's annual energy (Quantity
        [J]), e.g. rerunning its chain at another supply temperature.
    downtime_inputs : dict, optional
        ``{name: g}``, ``g(value)`` → the alternative's server downtime per
        year (Quantity [s]), e.g. from another drain time.
    mode : str
        As :func:`~coolsim.economics.evaluate_retrofit`.

    Returns
    -------
    callable
        ``metric(electricity_price, gpu_hour_price, capex_scale, rate, horizon, **inputs)``
        → NPV in million USD (float).  Each of ``energy_inputs`` /
        ``downtime_inputs`` is applied only when its value differs from
        ``None`` (pass ``None`` in the base point to keep the computed value).

    Examples
    --------
    >>> from coolsim.economics.costs import ArchitectureCosts
    >>> b = ArchitectureCosts("air", "forced_air", {}, {"energy": 100.0, "maintenance": 0.0}, 0.0, 1000.0, 8, 1.0, 20.0)
    >>> a = ArchitectureCosts("d2c", "direct_to_chip", {"cdu": 100.0}, {"energy": 50.0, "maintenance": 0.0}, 0.0, 500.0, 8, 1.0, 20.0)
    >>> from coolsim import Q_
    >>> f = retrofit_npv_metric(b, a)
    >>> abs(round(f(Q_(0.1, "USD/J"), Q_(0, "USD/hour"), 1.0, 0.0, Q_(2, "year")) * 1e6, 6))
    0.0
    """
    energy_inputs = dict(energy_inputs or {})
    downtime_inputs = dict(downtime_inputs or {})

    def metric(electricity_price, gpu_hour_price, capex_scale=1.0, rate=DEFAULT_DISCOUNT_RATE,
               horizon=DEFAULT_HORIZON, **inputs):
        extra = set(inputs) - set(energy_inputs) - set(downtime_inputs)
        if extra:
            raise OutOfRangeError(f"unknown sensitivity input(s) {sorted(extra)}")
        energy = downtime = None
        for name, value in inputs.items():
            if value is None:
                continue
            if name in energy_inputs:
                energy = energy_inputs[name](value)
            else:
                downtime = downtime_inputs[name](value)
        b = reprice(baseline, electricity_price, gpu_hour_price)
        a = reprice(alternative, electricity_price, gpu_hour_price, energy, downtime, capex_scale)
        return evaluate_retrofit(b, a, rate, horizon, mode).npv.m / 1e6

    return metric


def _label(x):
    if hasattr(x, "units"):
        return f"{x.magnitude:g} {x.units:~P}"
    return f"{x:g}" if isinstance(x, (int, float)) else str(x)


def plot_tornado(result: TornadoResult, path, title: str = "", labels: dict | None = None):
    """Draw a tornado chart and save it as PNG.

    Parameters
    ----------
    result : TornadoResult
    path : str or pathlib.Path
        Output file (PNG).
    title : str
    labels : dict, optional
        Display names of the inputs.

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> t = tornado(lambda a: 2 * a, {"a": 1.0}, {"a": (0.0, 2.0)})
    >>> out = plot_tornado(t, pathlib.Path(tempfile.mkdtemp()) / "t.png")
    >>> out.stat().st_size > 0
    True
    """
    import pathlib

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    labels = labels or {}
    rows = list(result.rows)[::-1]  # largest swing on top
    fig = Figure(figsize=(8.0, 0.55 * len(rows) + 1.6))
    FigureCanvasAgg(fig)  # Agg canvas: no pyplot, no global backend change
    ax = fig.add_subplot(1, 1, 1)
    base = result.base_metric
    for i, r in enumerate(rows):
        lo, hi = r.metric_low - base, r.metric_high - base
        ax.barh(i, lo, left=base, color="#4477aa", height=0.6)
        ax.barh(i, hi, left=base, color="#ee6677", height=0.6)
        ax.text(base + lo, i, f" {_label(r.low)} ", va="center", ha="right" if lo < 0 else "left", fontsize=8)
        ax.text(base + hi, i, f" {_label(r.high)} ", va="center", ha="left" if hi >= 0 else "right", fontsize=8)
    ax.axvline(base, color="k", lw=1)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([labels.get(r.name, r.name) for r in rows])
    ax.set_xlabel(f"{result.metric_name} [{result.units}]" if result.units else result.metric_name)
    ax.margins(x=0.25)
    if title:
        ax.set_title(title)
    ax.legend(handles=[ax.patches[0], ax.patches[1]] if len(ax.patches) > 1 else [],
              labels=["low value", "high value"], loc="lower right", fontsize=8)
    fig.tight_layout()
    path = pathlib.Path(path)
    fig.savefig(path, dpi=110)
    return path

