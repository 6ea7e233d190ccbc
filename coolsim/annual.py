"""A year at a real site: hourly chain runs, annual energy, PUE, WUE and economizer hours.

:func:`run_year` sizes a :class:`~coolsim.chain.CoolingChain` at a design
site, then runs it on every hour of a :class:`~coolsim.weather.Weather` (one
vectorised call; hours are the last axis) and returns an :class:`AnnualResult`:
energies by subsystem (annual and monthly), the energy-weighted annual PUE,
TUE and WUE, the spread of hourly PUE, economizer / partial / mechanical
hours, and the infeasible hours with their reasons (counted, never clamped).

Design site (what sizes the towers, dry coolers and air units):

1. ``design_site`` given: that :class:`~coolsim.site.Site` (or built-in name);
2. a built-in climate (:func:`coolsim.weather.load_climate`): its built-in
   design point, :func:`coolsim.site.design_site`;
3. a weather file with ASHRAE design conditions: the 0.4 % cooling dry bulb
   with the 0.4 % evaporation wet bulb from :attr:`Weather.cooling_design`
   (the same pairing as :mod:`coolsim.site`);
4. otherwise the hottest hour's dry bulb with the highest hourly wet bulb
   (both extremes together, conservative).

Each weather record is one hour (EPW hourly data), so energy is power × 3600 s.
"""

from __future__ import annotations

import dataclasses
import pathlib
from dataclasses import dataclass

import numpy as np

from .chain import WATER_USE_EFFECTIVENESS, ChainResult, CoolingChain
from .errors import OutOfRangeError
from .it_equipment import ITLoad
from .rejection import CoolingMode
from .site import DESIGN_SITES, Site
from .site import design_site as _builtin_design_site
from .units import ENERGY, FRACTION, Q_, VOLUME, to_si

__all__ = ["AnnualResult", "run_year", "design_site_for", "annual_si", "reference_site_table", "SUBSYSTEMS",
           "HOUR"]

HOUR = 3600.0
"""Length of one weather record [s] (EPW files are hourly)."""

#: Subsystem energies: key -> (label, SI power getter on a ChainResult).
SUBSYSTEMS = {
    "it": ("IT (incl. server fans)", lambda r: r.capture.it_power),
    "server_fans": ("server fans (IT power)", lambda r: r.capture.server_fan_power),
    "air_movers": ("CRAH / fan-wall fans", lambda r: r.capture.air_mover_power),
    "pumps": ("pumps (technology + plant)", lambda r: r.capture.pump_power + r.rejection.pump_power),
    "chillers": ("chillers", lambda r: r.rejection.chiller_power),
    "heat_rejection_fans": ("tower / dry-cooler / economizer fans", lambda r: r.rejection.sink_fan_power),
    "electrical_losses": ("electrical losses and lighting", lambda r: r.ups_loss + r.pdu_loss + r.lighting_power),
}


def _key(name):
    return name.strip().lower().replace("_", "-").replace(" ", "-")


def design_site_for(weather, design_site=None) -> Site:
    """The design :class:`~coolsim.site.Site` used to size plant for a weather series.

    Parameters
    ----------
    weather : coolsim.weather.Weather
        The hourly weather.
    design_site : Site or str, optional
        An explicit design site, or the name of a built-in one.

    Returns
    -------
    Site
        See the module notes for the order of choice.

    Notes
    -----
    ASHRAE pairs the 0.4 % cooling dry bulb (what dry coolers see) with the
    0.4 % evaporation wet bulb (what towers see); taking both extremes
    together is conservative.  Valid for any weather series.

    References
    ----------
    .. [1] ASHRAE, *Handbook—Fundamentals*, 2009, ch. 14, Table 1 (0.4 % cooling DB, 0.4 % evaporation WB).

    Examples
    --------
    >>> from coolsim.weather import load_climate
    >>> design_site_for(load_climate("tampa-fl")).dry_bulb
    <Quantity(33.6, 'degree_Celsius')>
    """
    if design_site is not None:
        if isinstance(design_site, Site):
            return design_site
        if isinstance(design_site, str):
            return _builtin_design_site(design_site)
        raise OutOfRangeError(f"parameter 'design_site' must be a Site or a built-in site name; got "
                              f"{type(design_site).__name__}")
    for key, entry in DESIGN_SITES.items():
        if weather.name == entry[0]:
            return _builtin_design_site(key)
    cd = weather.cooling_design
    if "dry_bulb_0.4" in cd and "wet_bulb_0.4" in cd:
        db, wb = cd["dry_bulb_0.4"], cd["wet_bulb_0.4"]
        if wb.m_as("K") > db.m_as("K"):  # an evaporation WB above the cooling DB: keep the pair physical
            db = wb
        return Site(f"{weather.name} (ASHRAE 0.4 % design)", db, wb, weather.elevation)
    db = Q_(float(np.max(weather.dry_bulb.m_as("K"))), "K")
    wb = Q_(float(np.max(weather.wet_bulb.m_as("K"))), "K")
    return Site(f"{weather.name} (hottest hour)", db, wb, weather.elevation)


def _b(x, shape):
    return np.broadcast_to(np.asarray(x, float), shape)


def annual_si(result: ChainResult, months=None) -> dict:
    """Annual (and monthly) aggregates of an hourly chain result, in SI, over the last axis.

    Parameters
    ----------
    months : numpy.ndarray
        Month (1–12) of every hour along the last axis [-].

    Works for any leading configuration axes (sweeps).  Keys: ``energy`` (dict
    by :data:`SUBSYSTEMS` key plus ``facility`` and ``compute``) [J],
    ``monthly_energy`` (same keys, trailing axis of 12) [J], ``water`` [m³],
    ``pue``, ``tue``, ``wue`` [m³/J], ``pue_min``, ``pue_p50``, ``pue_max``,
    ``stream_free_hours`` (tuple, one per stream), ``economizer_hours``,
    ``partial_hours``, ``mechanical_hours``, ``chiller_hours``,
    ``infeasible_hours``, ``infeasible_reasons`` and ``advisories``
    (reason -> hours).
    """
    fac, shape = _facility(result)
    it = _b(result.capture.it_power, shape)
    powers = {k: _b(get(result), shape) for k, (_, get) in SUBSYSTEMS.items()}  # each subsystem evaluated once
    energy = {k: np.sum(p, axis=-1) * HOUR for k, p in powers.items()}
    energy["facility"] = np.sum(fac, axis=-1) * HOUR
    energy["compute"] = np.sum(_b(result.capture.compute_power, shape), axis=-1) * HOUR
    out = {"energy": energy}
    if months is not None:
        onehot = (np.asarray(months)[None, :] == np.arange(1, 13)[:, None]).astype(float) * HOUR  # (12, hours)
        monthly = {k: p @ onehot.T for k, p in powers.items()}
        monthly["facility"] = fac @ onehot.T
        monthly["compute"] = _b(result.capture.compute_power, shape) @ onehot.T
        out["monthly_energy"] = monthly
    _metrics(out, result, energy, shape)
    hourly = fac / it
    out["pue_min"], out["pue_p50"], out["pue_max"] = (np.min(hourly, -1), np.median(hourly, -1), np.max(hourly, -1))
    modes = _modes(result, shape)
    worst = _worst(modes, shape)
    out["stream_free_hours"] = tuple(np.sum(m <= CoolingMode.TOWER, axis=-1) for m in modes)
    out["economizer_hours"] = np.sum(worst <= CoolingMode.TOWER, axis=-1)
    out["partial_hours"] = np.sum(worst == CoolingMode.PARTIAL, axis=-1)
    out["mechanical_hours"] = np.sum(worst == CoolingMode.MECHANICAL, axis=-1)
    out["chiller_hours"] = np.sum(_b(result.rejection.chiller_power, shape) > 0.0, axis=-1)
    out["infeasible_hours"] = _infeasible_hours(result, shape)
    masks = {}
    for reason, mask in result.feasibility.reasons:  # a reason may appear more than once: union of its masks
        m = np.broadcast_to(np.asarray(mask, bool), shape)
        masks[reason] = m | masks[reason] if reason in masks else m
    out["infeasible_reasons"] = {k: np.sum(m, -1) for k, m in masks.items() if not k.startswith("advisory")}
    out["advisories"] = {k: np.sum(m, -1) for k, m in masks.items() if k.startswith("advisory")}
    return out


def _sweep_si(result: ChainResult) -> dict:
    """The part of :func:`annual_si` a sweep keeps, computed the same way (bit for bit).

    Keys: ``energy`` (``facility``, ``it``, ``compute`` only), ``water``, ``pue``,
    ``tue``, ``wue``, ``economizer_hours``, ``mechanical_hours``, ``infeasible_hours``.
    """
    fac, shape = _facility(result)
    energy = {"it": np.sum(_b(result.capture.it_power, shape), axis=-1) * HOUR,
              "facility": np.sum(fac, axis=-1) * HOUR,
              "compute": np.sum(_b(result.capture.compute_power, shape), axis=-1) * HOUR}
    out = {"energy": energy}
    _metrics(out, result, energy, shape)
    worst = _worst(_modes(result, shape), shape)
    out["economizer_hours"] = np.sum(worst <= CoolingMode.TOWER, axis=-1)
    out["mechanical_hours"] = np.sum(worst == CoolingMode.MECHANICAL, axis=-1)
    out["infeasible_hours"] = _infeasible_hours(result, shape)
    return out


def _facility(result):
    fac = np.asarray(result.facility_power_si, float)
    shape = fac.shape if fac.ndim else (1,)
    return _b(fac, shape), shape


def _metrics(out, result, energy, shape):
    water = np.sum(_b(result.rejection.water_use, shape), axis=-1) * HOUR
    out["water"] = water
    out["pue"] = energy["facility"] / energy["it"]
    out["tue"] = energy["facility"] / energy["compute"]
    out["wue"] = water / energy["it"]


def _modes(result, shape):
    return [np.broadcast_to(np.asarray(p.mode), shape) for p in result.rejection.plants]


def _worst(modes, shape):
    """Element-wise worst (highest) mode over the plant streams."""
    if not modes:
        return np.zeros(shape, np.int8)
    worst = modes[0]
    for m in modes[1:]:
        worst = np.maximum(worst, m)
    return worst


def _infeasible_hours(result, shape):
    feas = np.broadcast_to(result.feasibility.feasible, shape)
    return np.sum(~feas, axis=-1)


def _scalar(x):
    a = np.asarray(x)
    return a.item() if a.size == 1 else a


@dataclass(frozen=True)
class AnnualResult:
    """A chain run over a year of hours, with its annual figures (immutable).

    Attributes
    ----------
    name : str
        The chain's name.
    hourly : ChainResult
        The hourly result (arrays with hours on the last axis).
    design : ChainResult
        The design-point result that sized the sinks.
    design_site : Site
        Where the design point was taken.
    weather : Weather
        The weather series run.
    """

    name: str
    hourly: ChainResult
    design: ChainResult
    design_site: Site
    weather: object
    _agg: dict = dataclasses.field(repr=False, compare=False)

    # ---- hourly arrays ---------------------------------------------------------
    @property
    def hours(self) -> int:
        """Number of hours run."""
        return len(self.weather)

    def hourly_power(self, subsystem: str):
        """Hourly power of a subsystem (a key of :data:`SUBSYSTEMS` or ``"facility"``) [W]."""
        shape = (self.hours,)
        if subsystem == "facility":
            return Q_(_b(self.hourly.facility_power_si, shape), "W")
        if subsystem not in SUBSYSTEMS:
            raise OutOfRangeError(f"parameter 'subsystem' must be one of facility, {', '.join(SUBSYSTEMS)}; "
                                  f"got {subsystem!r}")
        return Q_(_b(SUBSYSTEMS[subsystem][1](self.hourly), shape), "W")

    @property
    def hourly_pue(self):
        """Hourly PUE [-] (8,760 values)."""
        return _b(self.hourly.facility_power_si, (self.hours,)) / _b(self.hourly.capture.it_power, (self.hours,))

    # ---- energies ----------------------------------------------------------------
    @property
    def energy(self) -> dict:
        """Annual energy by subsystem, plus ``facility`` and ``compute`` [J] (``.to("MWh")``)."""
        return {k: ENERGY.quantity(_scalar(v)) for k, v in self._agg["energy"].items()}

    @property
    def monthly_energy(self) -> dict:
        """Energy by subsystem for each calendar month (arrays of 12) [J]."""
        return {k: ENERGY.quantity(v) for k, v in self._agg["monthly_energy"].items()}

    @property
    def monthly_pue(self) -> np.ndarray:
        """Energy-weighted PUE of each month (NaN for a month without hours) [-]."""
        m = self._agg["monthly_energy"]
        with np.errstate(invalid="ignore", divide="ignore"):
            return m["facility"] / np.where(m["it"] > 0, m["it"], np.nan)

    @property
    def facility_energy(self):
        """Annual facility energy [J]."""
        return ENERGY.quantity(_scalar(self._agg["energy"]["facility"]))

    @property
    def it_energy(self):
        """Annual IT energy (server fans included) [J]."""
        return ENERGY.quantity(_scalar(self._agg["energy"]["it"]))

    @property
    def water_use(self):
        """Annual site water (tower make-up, adiabatic pads) [m³]."""
        return VOLUME.quantity(_scalar(self._agg["water"]))

    # ---- metrics -------------------------------------------------------------------
    @property
    def pue(self) -> float:
        """Annual energy-weighted PUE, Σ facility / Σ IT [-]."""
        return float(_scalar(self._agg["pue"]))

    @property
    def tue(self) -> float:
        """Annual TUE, Σ facility / Σ compute [-]."""
        return float(_scalar(self._agg["tue"]))

    @property
    def wue(self):
        """Annual WUE, site water / IT energy [m³/J] (``.to("L/kWh")``)."""
        return WATER_USE_EFFECTIVENESS.quantity(float(_scalar(self._agg["wue"])))

    @property
    def pue_spread(self) -> dict:
        """Hourly PUE ``min``, ``p50`` (median) and ``max`` [-]."""
        return {k: float(_scalar(self._agg[f"pue_{k}"])) for k in ("min", "p50", "max")}

    # ---- hours ----------------------------------------------------------------------
    def _h(self, key):
        return int(_scalar(self._agg[key]))

    @property
    def economizer_hours(self) -> int:
        """Hours in which every plant stream is free-cooled (mode <= TOWER)."""
        return self._h("economizer_hours")

    @property
    def partial_hours(self) -> int:
        """Hours whose worst stream is in series pre-cooling with chiller trim."""
        return self._h("partial_hours")

    @property
    def mechanical_cooling_hours(self) -> int:
        """Hours whose worst stream is fully mechanical (for a chiller-less plant these are infeasible)."""
        return self._h("mechanical_hours")

    @property
    def chiller_hours(self) -> int:
        """Hours with any chiller power."""
        return self._h("chiller_hours")

    @property
    def stream_economizer_hours(self) -> dict:
        """Free-cooled hours of each plant stream, by stream label."""
        labels = [s.label for s in self.hourly.capture.streams]
        return {lab: int(_scalar(n)) for lab, n in zip(labels, self._agg["stream_free_hours"])}

    @property
    def infeasible_hours(self) -> int:
        """Hours in which some limit does not hold (never clamped; see :attr:`infeasible_reasons`)."""
        return self._h("infeasible_hours")

    @property
    def infeasible_reasons(self) -> dict:
        """Each infeasibility reason with its number of hours."""
        return {k: int(_scalar(v)) for k, v in self._agg["infeasible_reasons"].items() if int(_scalar(v)) > 0}

    @property
    def advisories(self) -> dict:
        """Advisory reasons (not infeasible) with their number of hours."""
        return {k: int(_scalar(v)) for k, v in self._agg["advisories"].items() if int(_scalar(v)) > 0}

    # ---- reporting --------------------------------------------------------------------
    def to_json(self) -> dict:
        """The ``annual`` object of ``coolsim compare --json``.

        Quantities are ``{"magnitude", "units"}`` in SI base units that stock
        pint parses (``"joule"``, ``"meter ** 3"``, ``"meter ** 3 / joule"``);
        ratios and hour counts are plain numbers.
        """
        def q(value, unit):
            return {"magnitude": float(value), "units": unit}
        e = self._agg["energy"]
        return {
            "hours": self.hours,
            "weather": self.weather.name,
            "design_site": self.design_site.name,
            "pue": self.pue,
            "tue": self.tue,
            "wue": q(_scalar(self._agg["wue"]), "meter ** 3 / joule"),
            "pue_hourly": self.pue_spread,
            "facility_energy": q(_scalar(e["facility"]), "joule"),
            "it_energy": q(_scalar(e["it"]), "joule"),
            "energy_by_subsystem": {k: q(_scalar(e[k]), "joule") for k in SUBSYSTEMS},
            "monthly_pue": [None if not np.isfinite(v) else float(v) for v in np.ravel(self.monthly_pue)],
            "water_use": q(_scalar(self._agg["water"]), "meter ** 3"),
            "economizer_hours": self.economizer_hours,
            "stream_economizer_hours": self.stream_economizer_hours,
            "partial_hours": self.partial_hours,
            "mechanical_cooling_hours": self.mechanical_cooling_hours,
            "chiller_hours": self.chiller_hours,
            "infeasible_hours": self.infeasible_hours,
            "infeasible_reasons": self.infeasible_reasons,
        }

    def table_rows(self) -> list[tuple[str, str]]:
        """(label with unit, formatted value) pairs for the comparison table."""
        s = self.pue_spread
        return [
            ("annual PUE (energy-weighted)", f"{self.pue:.3f}"),
            ("hourly PUE min / p50 / max", f"{s['min']:.3f} / {s['p50']:.3f} / {s['max']:.3f}"),
            ("annual TUE", f"{self.tue:.3f}"),
            ("annual WUE [L/kWh]", f"{self.wue.to('L/kWh').m:.2f}"),
            ("annual facility energy [MWh]", f"{self.facility_energy.to('MWh').m:,.0f}"),
            ("annual IT energy [MWh]", f"{self.it_energy.to('MWh').m:,.0f}"),
            ("annual water use [m³]", f"{self.water_use.to('m**3').m:,.0f}"),
            ("economizer hours [h]", f"{self.economizer_hours:,}"),
            ("partial-economizer hours [h]", f"{self.partial_hours:,}"),
            ("mechanical-cooling hours [h]", f"{self.mechanical_cooling_hours:,}"),
            ("infeasible hours [h]", f"{self.infeasible_hours:,}"),
        ]


def run_year(chain: CoolingChain, it_load: ITLoad, weather, utilisation=1.0, design_site=None) -> AnnualResult:
    """Run a cooling chain over every hour of a weather year.

    Parameters
    ----------
    chain : CoolingChain
        The architecture.
    it_load : ITLoad
        The hall.
    weather : Weather or str
        Hourly weather, or a built-in climate name / EPW path (:func:`coolsim.weather.weather_for`).
    utilisation : float or array_like
        IT utilisation in [0, 1], scalar or one value per hour [-]; default 1.
    design_site : Site or str, optional
        Design point that sizes the sinks; default see :func:`design_site_for`.

    Returns
    -------
    AnnualResult
        Hourly result and annual figures.

    Notes
    -----
    :math:`E_k = \\sum_h P_{k,h}\\,\\Delta t` with :math:`\\Delta t` = 3600 s;
    annual PUE :math:`= \\sum_h P_{fac,h} / \\sum_h P_{IT,h}` (energy-weighted,
    ISO/IEC 30134-2), TUE :math:`= \\sum P_{fac}/\\sum P_{compute}`, WUE
    :math:`= V_{water}/E_{IT}`.  Valid for hourly weather series (steady state
    each hour: no thermal storage between hours).

    References
    ----------
    .. [1] ISO/IEC 30134-2:2016, Power usage effectiveness (PUE), annual energy basis.
    .. [2] The Green Grid, *Water Usage Effectiveness (WUE)*, White Paper #35, 2011.

    Examples
    --------
    >>> from coolsim import architectures as A
    >>> from coolsim.it_equipment import ITLoad, by_name
    >>> hall = ITLoad(by_name("dgx-h100"), racks=500, servers_per_rack=4)
    >>> y = run_year(A.two_phase_immersion(), hall, "golden-co")
    >>> y.hours, round(y.pue, 3), y.infeasible_hours
    (8760, 1.077, 0)
    """
    from .weather import Weather, weather_for

    if not isinstance(chain, CoolingChain):
        raise OutOfRangeError(f"parameter 'chain' must be a CoolingChain; got {type(chain).__name__}")
    if not isinstance(weather, Weather):
        weather = weather_for(weather)
    u = to_si(utilisation, FRACTION, "utilisation")
    if np.ndim(u) and np.shape(u)[-1] != len(weather):
        raise OutOfRangeError(f"parameter 'utilisation' must be a scalar or have {len(weather)} hours on its last "
                              f"axis; got shape {np.shape(u)}")
    dsite = design_site_for(weather, design_site)
    design = chain.run(it_load, dsite, 1.0)
    hourly = chain.run_si(it_load, weather.site().si, u, design=design)
    return AnnualResult(chain.name or hourly.kind, hourly, design, dsite, weather, annual_si(hourly, weather.month))


# ---------------------------------------------------------------------------
# the reference case at the five built-in sites
# ---------------------------------------------------------------------------
def reference_results(case=None) -> dict:
    """``{(architecture, site): AnnualResult}`` for a case (default: the reference case) at the built-in sites."""
    from .cases import REFERENCE_CASE, load_case
    from .weather import CLIMATES, load_climate

    case = load_case(REFERENCE_CASE) if case is None else case
    out = {}
    for site in CLIMATES:
        w = load_climate(site)
        for name, chain in case.architectures.items():
            out[(name, site)] = run_year(chain, case.it_load, w, case.utilisation)
    return out


def reference_site_table(results=None) -> str:
    """Markdown table of annual PUE, TUE, WUE and hours for the reference case at the five built-in sites.

    Parameters
    ----------
    results : dict, optional
        Output of :func:`reference_results`; computed when omitted.

    Returns
    -------
    str
        One row per (architecture, site).

    Examples
    --------
    >>> print(reference_site_table().splitlines()[0])
    | architecture | site | PUE | TUE | WUE [L/kWh] | economizer h | facility-water free h | mechanical h | chiller h | infeasible h |
    """
    results = reference_results() if results is None else results
    lines = ["| architecture | site | PUE | TUE | WUE [L/kWh] | economizer h | facility-water free h "
             "| mechanical h | chiller h | infeasible h |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for (name, site), r in results.items():
        liquid = [n for lab, n in zip(r.hourly.capture.streams, r._agg["stream_free_hours"])
                  if lab.circuit.name == "FACILITY_WATER"]
        lq = f"{int(_scalar(liquid[0])):,}" if liquid else "—"
        lines.append(f"| {name} | {site} | {r.pue:.3f} | {r.tue:.3f} | {r.wue.to('L/kWh').m:.2f} | "
                     f"{r.economizer_hours:,} | {lq} | {r.mechanical_cooling_hours:,} | "
                     f"{r.chiller_hours:,} | {r.infeasible_hours:,} |")
    return "\n".join(lines)


def regenerate_doc(path=None) -> None:
    """Rewrite the generated table of ``docs/annual_results.md`` (``python -m coolsim.annual``)."""
    import re

    path = pathlib.Path(path or pathlib.Path(__file__).resolve().parents[1] / "docs" / "annual_results.md")
    text = path.read_text()
    pattern = re.compile(r"(<!-- BEGIN GENERATED ANNUAL -->\n).*?(<!-- END GENERATED ANNUAL -->)", re.S)
    new, n = pattern.subn(lambda m: m.group(1) + reference_site_table().strip() + "\n" + m.group(2), text)
    if n != 1:
        raise OutOfRangeError(f"{path}: block GENERATED ANNUAL not found")
    path.write_text(new)


if __name__ == "__main__":  # pragma: no cover
    regenerate_doc()
    print("docs/annual_results.md regenerated")
