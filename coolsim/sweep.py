"""Annual sweeps: architectures × sites × a grid of component parameters, one labelled result.

:func:`sweep` loops only over architectures and sites (they have different
components and weather).  The parameter grid (supply temperatures, liquid
shares, …) is flattened to a column of configurations and written into the
capture component with :func:`dataclasses.replace` as arrays of shape
``(configurations, 1)``, which broadcast against the hours ``(8760,)`` inside
one chain run — the broadcasting code path of :meth:`CoolingChain.run_si`.
Configurations are processed in chunks so that the working arrays stay small
(a chunk of 16 configurations × 8,760 hours is 140,160 elements per array).
A component that refuses array parameters (its ``__post_init__`` insists on a
scalar) is run configuration by configuration instead, with the same result;
:attr:`SweepResult.vectorised` records which path each architecture took.

Parameters are addressed by field name on the capture component, with dots
for nested components (``"air_side.supply_temperature"``); a path starting
with ``capture.``, ``rejection.`` or ``electrical.`` is taken from the chain
itself.  Pass dotted names as ``**{"air_side.supply_temperature": ...}`` or
with ``__`` in place of the dots.  A parameter that an architecture does not
have (``liquid_share`` for forced air) leaves that architecture constant
along its axis; a parameter no architecture has is an error.
"""

from __future__ import annotations

import csv
import dataclasses
from dataclasses import dataclass

import numpy as np
import pint

from .annual import annual_si, design_site_for
from .chain import CoolingChain
from .errors import OutOfRangeError
from .units import Q_

__all__ = ["sweep", "SweepResult", "replace_path", "METRICS"]

#: Result arrays of a sweep: name -> (CSV header, SI -> CSV factor).
METRICS = {
    "pue": ("pue", 1.0),
    "tue": ("tue", 1.0),
    "wue": ("wue [L/kWh]", 3.6e9),
    "facility_energy": ("facility_energy [MWh]", 1.0 / 3.6e9),
    "it_energy": ("it_energy [MWh]", 1.0 / 3.6e9),
    "water_use": ("water_use [m3]", 1.0),
    "economizer_hours": ("economizer_hours", 1.0),
    "mechanical_hours": ("mechanical_hours", 1.0),
    "infeasible_hours": ("infeasible_hours", 1.0),
}


def _split(path):
    return path.replace("__", ".").split(".")


def replace_path(obj, path, value):
    """A copy of a (nested) frozen dataclass with the field at a dotted ``path`` replaced.

    Parameters
    ----------
    obj : dataclass instance
        A capture component or a chain.
    path : str
        Field names separated by dots (or ``__``), e.g. ``"air_side.supply_temperature"``.
    value : object
        New value of the field (a Quantity, a float, an array).

    Returns
    -------
    dataclass instance
        Rebuilt with :func:`dataclasses.replace` at each level (so each level's checks run again).

    Examples
    --------
    >>> from coolsim.capture.air import ForcedAir
    >>> from coolsim import Q_
    >>> replace_path(ForcedAir(), "air_side.supply_temperature", Q_(27, "degC")).air_side.supply_temperature
    <Quantity(27, 'degree_Celsius')>
    """
    head, *rest = _split(path) if isinstance(path, str) else path
    if not dataclasses.is_dataclass(obj) or head not in {f.name for f in dataclasses.fields(obj) if f.init}:
        raise OutOfRangeError(f"parameter '{path}': {type(obj).__name__} has no field '{head}'")
    new = value if not rest else replace_path(getattr(obj, head), rest, value)
    return dataclasses.replace(obj, **{head: new})


def _has_path(chain, parts):
    obj = chain if parts[0] in ("capture", "rejection", "electrical") else chain.capture
    for p in parts:
        if not dataclasses.is_dataclass(obj) or p not in {f.name for f in dataclasses.fields(obj) if f.init}:
            return False
        obj = getattr(obj, p)
    return True


def _apply(chain, params, values):
    """``chain`` with each parameter path set to its value."""
    for name, v in zip(params, values):
        parts = _split(name)
        if not _has_path(chain, parts):
            continue
        if parts[0] in ("capture", "rejection", "electrical"):
            chain = replace_path(chain, parts, v)
        else:
            chain = dataclasses.replace(chain, capture=replace_path(chain.capture, parts, v))
    return chain


@dataclass(frozen=True)
class SweepResult:
    """Annual figures on a labelled grid (immutable).

    Attributes
    ----------
    axes : tuple of str
        ``("architecture", "site", *parameters)``.
    coords : dict
        Axis name -> coordinate values (names, or the parameter values as given).
    pue, tue : numpy.ndarray
        Annual energy-weighted PUE and TUE [-].
    wue : numpy.ndarray
        Annual WUE [m³/J].
    facility_energy, it_energy : numpy.ndarray
        Annual energies [J].
    water_use : numpy.ndarray
        Annual site water [m³].
    economizer_hours, mechanical_hours, infeasible_hours : numpy.ndarray
        Hour counts.
    vectorised : dict
        Architecture -> whether its grid ran as one broadcast array (True) or
        configuration by configuration (False).
    """

    axes: tuple
    coords: dict
    pue: np.ndarray
    tue: np.ndarray
    wue: np.ndarray
    facility_energy: np.ndarray
    it_energy: np.ndarray
    water_use: np.ndarray
    economizer_hours: np.ndarray
    mechanical_hours: np.ndarray
    infeasible_hours: np.ndarray
    vectorised: dict

    @property
    def shape(self) -> tuple:
        return self.pue.shape

    def _coord_text(self, axis, value):
        if isinstance(value, pint.Quantity):
            return float(value.magnitude)
        return value

    def _header(self, axis):
        v = self.coords[axis]
        return f"{axis} [{v.units}]" if isinstance(v, pint.Quantity) else axis

    def records(self):
        """One dict per grid element: coordinates, then the metrics (CSV units, see :data:`METRICS`)."""
        for idx in np.ndindex(*self.shape):
            row = {self._header(a): self._coord_text(a, self.coords[a][i]) for a, i in zip(self.axes, idx)}
            for key, (head, factor) in METRICS.items():
                row[head] = getattr(self, key)[idx] * factor
            yield row

    def to_csv(self, path) -> None:
        """Write one row per grid element (header: axis names with units, then metrics)."""
        rows = list(self.records())
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)

    def to_dataframe(self):
        """A pandas DataFrame of :meth:`records` (requires the ``pandas`` package)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("SweepResult.to_dataframe needs the 'pandas' package, which is not installed; "
                              "install it (pip install pandas) or use to_csv()") from None
        return pd.DataFrame.from_records(list(self.records()))


def _grid(parameter_arrays):
    names, columns, coords = [], [], {}
    for name, values in parameter_arrays.items():
        q = isinstance(values, pint.Quantity)
        m = np.atleast_1d(np.asarray(values.magnitude if q else values, dtype=float))
        if m.ndim != 1 or m.size == 0:
            raise OutOfRangeError(f"parameter '{name}' must be a non-empty 1-D array of values; got shape {m.shape}")
        names.append(name)
        coords[name] = Q_(m, values.units) if q else m
        columns.append((m, values.units if q else None))
    lens = [c[0].size for c in columns]
    flat = [np.broadcast_to(c[0].reshape([-1 if i == j else 1 for j in range(len(lens))]), lens).ravel()
            for i, c in enumerate(columns)]
    return names, coords, lens, flat, [c[1] for c in columns]


def _values(flat, units, sl, column=True):
    out = []
    for m, u in zip(flat, units):
        v = m[sl][:, None] if column else float(m[sl])
        out.append(Q_(v, u) if u is not None else v)
    return out


def _run_chunk(chain, it_load, site_si, dsite, util, months, names, flat, units, sl, column=True):
    c = _apply(chain, names, _values(flat, units, sl.start if not column else sl, column))
    design = c.run(it_load, dsite, 1.0)
    return annual_si(c.run_si(it_load, site_si, util, design=design), months)


def sweep(chains: dict, it_load, sites: dict, utilisation=1.0, chunk=16, **parameter_arrays) -> SweepResult:
    """Annual PUE, TUE, WUE, energy and hours over architectures × sites × a parameter grid.

    Parameters
    ----------
    chains : dict of str to CoolingChain
        Architectures by name.
    it_load : ITLoad
        The hall.
    sites : dict of str to Weather
        Hourly weather by name (a value may also be a climate name or EPW path).
    utilisation : float or array_like
        IT utilisation, scalar or hourly [-]; default 1.
    chunk : int
        Configurations per vectorised run; default 16 [-].
    **parameter_arrays : pint.Quantity or array_like
        1-D values of each swept field (dotted path, see the module notes).

    Returns
    -------
    SweepResult
        Arrays of shape ``(architectures, sites, *parameter lengths)``.

    Notes
    -----
    Each element is computed exactly as :func:`coolsim.annual.run_year` would
    compute that configuration (same design-site rule, same aggregation
    :func:`coolsim.annual.annual_si`); only the array shapes differ.  Valid
    wherever the chain itself is.

    References
    ----------
    .. [1] ISO/IEC 30134-2:2016, Power usage effectiveness (PUE), annual energy basis.

    Examples
    --------
    >>> from coolsim import Q_, architectures as A
    >>> from coolsim.it_equipment import ITLoad, by_name
    >>> hall = ITLoad(by_name("dgx-h100"), racks=500, servers_per_rack=4)
    >>> r = sweep({"dtc": A.direct_to_chip()}, hall, {"golden": "golden-co"},
    ...           liquid_share=[0.7, 0.8], tcs_supply_temperature=Q_([32, 40], "degC"))
    >>> r.shape, bool(r.pue[0, 0, 1, 1] < r.pue[0, 0, 0, 0])
    ((1, 1, 2, 2), True)
    """
    from .units import FRACTION, to_si
    from .weather import Weather, weather_for

    if not chains or not sites:
        raise OutOfRangeError("parameters 'chains' and 'sites' must each hold at least one entry")
    for name, ch in chains.items():
        if not isinstance(ch, CoolingChain):
            raise OutOfRangeError(f"parameter 'chains': '{name}' must be a CoolingChain; got {type(ch).__name__}")
    if not (isinstance(chunk, (int, np.integer)) and chunk >= 1):
        raise OutOfRangeError(f"parameter 'chunk' must be an integer >= 1; got {chunk!r}")
    weathers = {k: (w if isinstance(w, Weather) else weather_for(w)) for k, w in sites.items()}
    util = to_si(utilisation, FRACTION, "utilisation")
    names, coords, lens, flat, units = _grid(parameter_arrays)
    for name in names:
        if not any(_has_path(ch, _split(name)) for ch in chains.values()):
            raise OutOfRangeError(f"parameter '{name}' is not a field of any architecture's capture component "
                                  f"(use a dotted path such as 'air_side.supply_temperature')")
    n_cfg = int(np.prod(lens)) if lens else 1
    out = {k: np.empty((len(chains), len(weathers), n_cfg)) for k in METRICS}
    vectorised = {}
    for a, (arch, chain) in enumerate(chains.items()):
        vectorised[arch] = True
        for s, w in enumerate(weathers.values()):
            dsite, site_si = design_site_for(w), w.site().si
            for start in range(0, n_cfg, chunk):
                sl = slice(start, min(start + chunk, n_cfg))
                try:
                    aggs = [_run_chunk(chain, it_load, site_si, dsite, util, w.month, names, flat, units, sl)]
                    parts = [sl]
                except (TypeError, ValueError):
                    # a component that takes only scalars: run this chunk configuration by configuration
                    vectorised[arch] = False
                    parts = [slice(i, i + 1) for i in range(sl.start, sl.stop)]
                    aggs = [_run_chunk(chain, it_load, site_si, dsite, util, w.month, names, flat, units, p, False)
                            for p in parts]
                for p, agg in zip(parts, aggs):
                    e = agg["energy"]
                    vals = {"pue": agg["pue"], "tue": agg["tue"], "wue": agg["wue"], "facility_energy": e["facility"],
                            "it_energy": e["it"], "water_use": agg["water"],
                            "economizer_hours": agg["economizer_hours"], "mechanical_hours": agg["mechanical_hours"],
                            "infeasible_hours": agg["infeasible_hours"]}
                    n = p.stop - p.start
                    for k, v in vals.items():
                        out[k][a, s, p] = np.broadcast_to(np.ravel(v), (n,)) if np.size(v) in (1, n) else np.ravel(v)
    shape = (len(chains), len(weathers), *lens)
    coords = {"architecture": list(chains), "site": list(weathers), **coords}
    arrays = {k: (v.astype(np.int64) if k.endswith("_hours") else v).reshape(shape) for k, v in out.items()}
    return SweepResult(("architecture", "site", *names), coords, **arrays, vectorised=vectorised)
