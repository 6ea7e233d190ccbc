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

What depends only on the configuration is computed once per configuration:
the design point of every configuration in one run (its rows are the
chunks' design points), the UPS/PDU/lighting losses without the hours axis
(when the UPS carries only IT; checked bit for bit against the full
evaluation on the first chunk), a plant stream that several configurations
share (:func:`coolsim.plant._serve`), and only the annual totals a sweep
keeps (:func:`coolsim.annual._sweep_si`).  Every number is the one the
hourly chain run gives.

Parameters are addressed by field name on the capture component, with dots
for nested components (``"air_side.supply_temperature"``); a path starting
with ``capture.``, ``rejection.`` or ``electrical.`` is taken from the chain
itself.  Pass dotted names as ``**{"air_side.supply_temperature": ...}`` or
with ``__`` in place of the dots.  A parameter that an architecture does not
have (``liquid_share`` for forced air) leaves that architecture constant
along its axis; a parameter no architecture has is an error.
"""

from __future__ import annotations

import copy
import csv
import dataclasses
from dataclasses import dataclass

import numpy as np
import pint

from .annual import _sweep_si, design_site_for
from .chain import CoolingChain, default_electrical
from .electrical import ElectricalChain
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


def _design_all(chain, it_load, dsite, names, flat, units, n_cfg):
    """The design-point run of every configuration at once (arrays of ``(n_cfg, 1)``), or None.

    Each configuration's design point depends only on its own parameters, so
    the rows of this one run are the design runs of the chunks.  If it cannot
    be had (a component that takes only scalars, an error), None: the chunks
    then run their own design points, as they always did.
    """
    if n_cfg < 2:
        return None
    try:
        return _apply(chain, names, _values(flat, units, slice(0, n_cfg))).run(it_load, dsite, 1.0)
    except Exception:  # noqa: BLE001 - the per-chunk path reports it exactly as before
        return None


def _rows(x, sl, n):
    """A result with the configuration rows ``sl`` of every ``(n, ...)`` array (other values as they are)."""
    if isinstance(x, np.ndarray):
        return x[sl] if x.ndim >= 2 and x.shape[0] == n else x
    if isinstance(x, tuple):
        items = [_rows(v, sl, n) for v in x]
        return type(x)._make(items) if hasattr(type(x), "_make") else type(x)(items)
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        new = copy.copy(x)
        for f in dataclasses.fields(x):
            object.__setattr__(new, f.name, _rows(getattr(x, f.name), sl, n))
        return new
    return x


class _PerConfigurationElectrical:
    """An :class:`~coolsim.electrical.ElectricalChain` evaluated per configuration, not per hour.

    When the UPS feeds only the IT load (``ups_serves_mechanical=False``) the
    UPS, PDU and lighting losses depend on the IT power alone, which in a
    sweep is constant along the hours; the mechanical power only sets the
    shape of the result.  This wrapper evaluates the chain without the hours
    axis (arrays of ``(configurations, 1)``, which broadcast in the facility
    sum to the same values), after checking the mechanical power as the chain
    does (finite, not negative).  ``verified`` (shared by the chunks of a
    sweep) records the first comparison with the full evaluation, bit for bit;
    a mismatch, an error or anything unusual falls back to the full evaluation.
    """

    def __init__(self, inner, verified):
        self.inner, self.verified = inner, verified

    def losses_si(self, it_power, mechanical_power=0.0):
        mech = mechanical_power
        if self.verified.get("ok", True) and isinstance(mech, np.ndarray) and mech.dtype == np.float64 and mech.size:
            lo, hi = np.min(mech), np.max(mech)
            if lo >= 0.0 and hi < np.inf:  # the full evaluation's check of the mechanical power passes
                try:
                    small = self.inner.losses_si(it_power, 0.0)
                except Exception:  # noqa: BLE001 - the full evaluation below reports it
                    small = None
                if small is not None and "ok" not in self.verified:
                    full = self.inner.losses_si(it_power, mechanical_power)
                    self.verified["ok"] = all(
                        np.shape(f) == np.broadcast_shapes(np.shape(f), np.shape(v)) and
                        np.ascontiguousarray(np.broadcast_to(v, np.shape(f))).tobytes() == np.ascontiguousarray(f).tobytes()
                        for v, f in zip(small, full))
                    return full
                if small is not None:
                    return small
        return self.inner.losses_si(it_power, mechanical_power)


def _fast_electrical(chain, it_load, verified):
    """``chain`` with its electrical losses evaluated per configuration where that is exact."""
    electrical = chain.electrical if chain.electrical is not None else default_electrical(it_load)
    if type(electrical) is not ElectricalChain or electrical.ups_serves_mechanical:
        return chain
    return dataclasses.replace(chain, electrical=_PerConfigurationElectrical(electrical, verified))


def _run_chunk(chain, it_load, site_si, dsite, util, names, flat, units, sl, column=True, hold=None, design_all=None,
               verified=None):
    """Annual totals of one chunk of configurations (see :func:`coolsim.annual._sweep_si`).

    ``hold``: a one-element list; the chunk's hourly result is left in it, so
    that the caller keeps it alive until the next chunk has been computed.
    Its arrays then still occupy the top of the heap while the next chunk
    allocates, and the allocator reuses the memory the chunk before freed
    instead of returning it to the system and faulting fresh pages in again
    (this halves the time of a sweep; it changes no number).
    """
    c = _apply(chain, names, _values(flat, units, sl.start if not column else sl, column))
    if design_all is not None and column:
        design = _rows(design_all, sl, np.shape(flat[0])[0] if flat else 1)
    else:
        design = c.run(it_load, dsite, 1.0)
    if verified is not None:
        c = _fast_electrical(c, it_load, verified)
    result = c.run_si(it_load, site_si, util, design=design)
    if hold is not None:
        hold[0] = result
    return _sweep_si(result)


def _sweep_configurations(chain, it_load, weather, util, names, flat, units, chunk):
    """The annual totals of every configuration of ``flat`` for one architecture at one site.

    Returns ``({metric: array of the configurations}, vectorised)``.  A unit of
    work on its own (everything it needs is in its arguments), so that an
    executor can run blocks of configurations in other processes.
    """
    n_cfg = int(np.size(flat[0])) if flat else 1
    dsite, site_si = design_site_for(weather), weather.site().si
    design_all = _design_all(chain, it_load, dsite, names, flat, units, n_cfg) if n_cfg > chunk else None
    verified = {}  # the per-configuration electrical losses, checked once (see _PerConfigurationElectrical)
    hold = [None]  # the last chunk's hourly result, kept until the next one is computed (see _run_chunk)
    out = {k: np.empty(n_cfg) for k in METRICS}
    vectorised = True
    for start in range(0, n_cfg, chunk):
        sl = slice(start, min(start + chunk, n_cfg))
        try:
            aggs = [_run_chunk(chain, it_load, site_si, dsite, util, names, flat, units, sl, hold=hold,
                               design_all=design_all, verified=verified)]
            parts = [sl]
        except (TypeError, ValueError):
            # a component that takes only scalars: run this chunk configuration by configuration
            vectorised = False
            parts = [slice(i, i + 1) for i in range(sl.start, sl.stop)]
            aggs = [_run_chunk(chain, it_load, site_si, dsite, util, names, flat, units, p, False) for p in parts]
        for p, agg in zip(parts, aggs):
            e = agg["energy"]
            vals = {"pue": agg["pue"], "tue": agg["tue"], "wue": agg["wue"], "facility_energy": e["facility"],
                    "it_energy": e["it"], "water_use": agg["water"], "economizer_hours": agg["economizer_hours"],
                    "mechanical_hours": agg["mechanical_hours"], "infeasible_hours": agg["infeasible_hours"]}
            n = p.stop - p.start
            for k, v in vals.items():
                out[k][p] = np.broadcast_to(np.ravel(v), (n,)) if np.size(v) in (1, n) else np.ravel(v)
    hold[0] = None
    return out, vectorised


def sweep(chains: dict, it_load, sites: dict, utilisation=1.0, chunk=16, executor=None, **parameter_arrays) -> SweepResult:
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
    executor : concurrent.futures.Executor, optional
        Runs blocks of configurations in parallel, e.g. a
        ``concurrent.futures.ProcessPoolExecutor`` on one machine or a Dask
        cluster's ``distributed.Client(...).get_executor()`` across many
        (anything with ``submit`` returning futures with ``result()``).  Each
        block is a smaller sweep of the same configurations, so the numbers
        are the same as without an executor.  Default: this process.
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
    if executor is not None and not callable(getattr(executor, "submit", None)):
        raise OutOfRangeError("parameter 'executor' must be a concurrent.futures.Executor (or anything with "
                              f"submit(fn, *args) returning a future); got {type(executor).__name__}")
    weathers = {k: (w if isinstance(w, Weather) else weather_for(w)) for k, w in sites.items()}
    util = to_si(utilisation, FRACTION, "utilisation")
    names, coords, lens, flat, units = _grid(parameter_arrays)
    for name in names:
        if not any(_has_path(ch, _split(name)) for ch in chains.values()):
            raise OutOfRangeError(f"parameter '{name}' is not a field of any architecture's capture component "
                                  f"(use a dotted path such as 'air_side.supply_temperature')")
    n_cfg = int(np.prod(lens)) if lens else 1
    out = {k: np.empty((len(chains), len(weathers), n_cfg)) for k in METRICS}
    vectorised = {arch: True for arch in chains}
    tasks = [(a, s, arch, chain, w) for a, (arch, chain) in enumerate(chains.items())
             for s, w in enumerate(weathers.values())]
    if executor is None:
        for a, s, arch, chain, w in tasks:
            vals, vec = _sweep_configurations(chain, it_load, w, util, names, flat, units, chunk)
            vectorised[arch] &= vec
            for k, v in vals.items():
                out[k][a, s] = v
    else:
        # blocks of whole chunks, about four per worker and (architecture, site), so that the
        # workers stay busy; each block is a smaller sweep of the same configurations
        workers = max(int(getattr(executor, "_max_workers", 0) or 0), 2)
        per = max(chunk, -(-n_cfg // (4 * workers)) // chunk * chunk or chunk)
        futures = []
        for a, s, arch, chain, w in tasks:
            for b0 in range(0, n_cfg, per):
                b1 = min(b0 + per, n_cfg)
                futures.append(((a, s, arch, b0, b1), executor.submit(
                    _sweep_configurations, chain, it_load, w, util, names, [f[b0:b1] for f in flat], units, chunk)))
        for (a, s, arch, b0, b1), fut in futures:
            vals, vec = fut.result()
            vectorised[arch] &= vec
            for k, v in vals.items():
                out[k][a, s, b0:b1] = v
    shape = (len(chains), len(weathers), *lens)
    coords = {"architecture": list(chains), "site": list(weathers), **coords}
    arrays = {k: (v.astype(np.int64) if k.endswith("_hours") else v).reshape(shape) for k, v in out.items()}
    return SweepResult(("architecture", "site", *names), coords, **arrays, vectorised=vectorised)
