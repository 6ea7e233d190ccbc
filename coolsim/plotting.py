"""Figures of annual results: monthly PUE and the annual energy breakdown (PNG files).

matplotlib is imported inside each function with the non-interactive Agg
backend, so importing coolsim never needs it and nothing is ever displayed.
Each function takes ``{name: AnnualResult}`` (from :func:`coolsim.annual.run_year`)
and writes one PNG.
"""

from __future__ import annotations

import pathlib

import numpy as np

from .errors import OutOfRangeError

__all__ = ["plot_monthly_pue", "plot_energy_breakdown"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise ImportError("coolsim.plotting needs the 'matplotlib' package, which is not installed") from None
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _check(results):
    from .annual import AnnualResult

    if not isinstance(results, dict) or not results:
        raise OutOfRangeError("parameter 'results' must be a non-empty dict {name: AnnualResult}")
    for name, r in results.items():
        if not isinstance(r, AnnualResult):
            raise OutOfRangeError(f"parameter 'results': '{name}' must be an AnnualResult; got {type(r).__name__}")


def _save(fig, path, plt):
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def plot_monthly_pue(results: dict, path, title: str = "Monthly PUE (energy-weighted)"):
    """Line plot of each result's energy-weighted PUE month by month.

    Parameters
    ----------
    results : dict of str to AnnualResult
        The results to compare.
    path : str or os.PathLike
        PNG file to write (parent folders are created).
    title : str
        Figure title.

    Returns
    -------
    pathlib.Path
        The file written.

    Notes
    -----
    Monthly PUE :math:`= \\sum_{h \\in m} P_{fac,h} / \\sum_{h \\in m} P_{IT,h}`,
    and the annual value as a dashed line of the same colour.

    References
    ----------
    .. [1] ISO/IEC 30134-2:2016, Power usage effectiveness (PUE).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from coolsim import architectures as A
    >>> from coolsim.annual import run_year
    >>> from coolsim.it_equipment import ITLoad, by_name
    >>> hall = ITLoad(by_name("dgx-h100"), racks=10)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "pue.png"
    >>> plot_monthly_pue({"air": run_year(A.forced_air(), hall, "golden-co")}, out).stat().st_size > 1000
    True
    """
    _check(results)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 4.5))
    x = np.arange(1, 13)
    for i, (name, r) in enumerate(results.items()):
        line, = ax.plot(x, r.monthly_pue, marker="o", label=f"{name} (annual {r.pue:.3f})")
        ax.axhline(r.pue, color=line.get_color(), linestyle="--", linewidth=0.8)
    ax.set_xticks(x, _MONTHS)
    ax.set_ylabel("PUE [-]")
    ax.set_title(title)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    return _save(fig, path, plt)


def plot_energy_breakdown(results: dict, path, unit: str = "GWh", title: str = "Annual energy by subsystem"):
    """Stacked bars of annual energy by subsystem, one bar per result.

    Parameters
    ----------
    results : dict of str to AnnualResult
        The results to compare.
    path : str or os.PathLike
        PNG file to write (parent folders are created).
    unit : str
        Energy unit of the axis; default ``"GWh"`` [-].
    title : str
        Figure title.

    Returns
    -------
    pathlib.Path
        The file written.

    Notes
    -----
    The stack is compute (IT less server fans), server fans, then the overheads
    of :data:`coolsim.annual.SUBSYSTEMS`; its height is the facility energy.

    References
    ----------
    .. [1] M. K. Patterson et al., "TUE, a New Energy-Efficiency Metric Applied at ORNL's Jaguar",
       ISC 2013, LNCS 7905, pp. 372-382 (IT vs infrastructure energy split).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from coolsim import architectures as A
    >>> from coolsim.annual import run_year
    >>> from coolsim.it_equipment import ITLoad, by_name
    >>> hall = ITLoad(by_name("dgx-h100"), racks=10)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "energy.png"
    >>> plot_energy_breakdown({"air": run_year(A.forced_air(), hall, "golden-co")}, out).stat().st_size > 1000
    True
    """
    from .annual import SUBSYSTEMS

    _check(results)
    plt = _pyplot()
    keys = ["compute", "server_fans", "air_movers", "pumps", "chillers", "heat_rejection_fans", "electrical_losses"]
    labels = ["compute (IT less server fans)"] + [SUBSYSTEMS[k][0] for k in keys[1:]]
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(max(9.0, 2.6 * len(results) + 4.0), 5.5))
    names = list(results)
    try:
        values = {k: np.array([float(r.energy[k].to(unit).m) for r in results.values()]) for k in keys}
    except Exception as err:
        raise OutOfRangeError(f"parameter 'unit' must be an energy unit such as 'GWh'; got {unit!r}") from err
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for axis, stack in ((ax, keys), (ax2, keys[1:])):
        bottom = np.zeros(len(names))
        for k in stack:
            i = keys.index(k)
            axis.bar(names, values[k], bottom=bottom, label=labels[i], color=colors[i % len(colors)])
            bottom = bottom + values[k]
        axis.set_ylim(0, bottom.max() * 1.1 if bottom.max() > 0 else 1.0)
        axis.tick_params(axis="x", labelrotation=15, labelsize=8)
        axis.set_ylabel(f"energy [{unit}]")
        for i, r in enumerate(results.values()):
            text = f"PUE {r.pue:.3f}" if axis is ax else f"TUE {r.tue:.3f}"
            axis.text(i, bottom[i], text, ha="center", va="bottom", fontsize=8)
    ax.set_title("facility energy (all subsystems)")
    ax2.set_title("server fans and facility overhead")
    ax.legend(handles=ax.containers[:1], labels=labels[:1], fontsize=7, loc="lower right")
    ax2.legend(fontsize=7, loc="upper right")
    fig.suptitle(title)
    fig.tight_layout()
    return _save(fig, path, plt)
