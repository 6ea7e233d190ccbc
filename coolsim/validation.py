"""The validation cases: published results, what coolsim computes for them, and the tolerance.

Each :class:`ValidationCase` names its source, the expected value with its
unit, the tolerance the source supports (and why), and a function that
computes coolsim's value through the public API.  ``tests/test_validation.py``
runs every case; ``docs/validation_report.md`` is generated from the same
registry (``python -m coolsim.validation`` prints it) and a test checks that
it is current.  Ids follow ``shared/reference/validation-cases.md``; every
number is traced in ``tests/data/SOURCES.md``.  The module-level tests hold
many more checks (library grids, properties); these are the headline cases.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from .units import Q_

__all__ = ["ValidationCase", "CASES", "run_all", "report_markdown"]


@dataclass(frozen=True)
class ValidationCase:
    """One published result and how coolsim reproduces it."""

    id: str
    what: str
    source: str
    expected: float
    unit: str
    rel: float | None
    abs: float | None
    why: str
    compute: Callable[[], float]
    band: bool = False  #: a plausibility band [expected − abs, expected + abs], not a point value

    def run(self) -> tuple[float, bool]:
        """(computed value, within tolerance)."""
        got = float(self.compute())
        tol = max(self.rel * abs(self.expected) if self.rel else 0.0, self.abs or 0.0)
        return got, math.isfinite(got) and abs(got - self.expected) <= tol

    @property
    def expected_text(self) -> str:
        if self.band:
            return f"{self.expected - self.abs:g}–{self.expected + self.abs:g} {self.unit}".rstrip(" -")
        return f"{self.expected:g} {self.unit}".rstrip(" -")

    @property
    def tolerance(self) -> str:
        if self.band:
            return "inside the band"
        parts = []
        if self.rel:
            parts.append(f"±{self.rel:.2g} rel")
        if self.abs:
            parts.append(f"±{self.abs:g} {self.unit}".rstrip())
        return " or ".join(parts)


def _psy():
    from . import psychrometrics

    return psychrometrics


def _c(x):
    return Q_(x, "degC")


def _r01(quantity):
    psy = _psy()
    w = psy.humidity_ratio_from_wet_bulb(_c(40), _c(20))
    if quantity == "W":
        return w
    if quantity == "h":
        return psy.moist_air_enthalpy(_c(40), w).m_as("kJ/kg")
    if quantity == "v":
        return psy.moist_air_specific_volume(_c(40), w).m_as("m**3/kg")
    if quantity == "rh":
        return 100 * psy.relative_humidity(_c(40), w)
    return psy.dew_point(w).m_as("degC")


def _r10(speed=1.0, what="q"):
    from .fans import FanCurve, curve_shaft_power, operating_point, sound_power_change_with_speed

    fan = FanCurve((500.0, 0.0, -100.0), (0.6,))
    q, p = operating_point(fan, Q_(0, "Pa"), Q_(1, "m**3/s"), Q_(400, "Pa"), speed_ratio=speed)
    if what == "q":
        return q.m_as("m**3/s")
    if what == "p":
        return p.m_as("Pa")
    if what == "w":
        return curve_shaft_power(fan, q, speed).m_as("W")
    return sound_power_change_with_speed(speed)


def _r14(what):
    from .pumps import electrical_power, fluid_power

    if what == "hyd":
        return fluid_power(Q_(1800, "L/min"), Q_(250, "kPa")).m_as("kW")
    return electrical_power(Q_(1800, "L/min"), Q_(250, "kPa"), 0.75, 0.94).m_as("kW")


def _r15(what):
    from .coolants import propylene_glycol

    pg = propylene_glycol(0.30)
    if what == "freeze":
        return pg.freezing_point - 273.15
    if what == "cp":
        return pg.specific_heat(_c(20)).m_as("kJ/(kg*K)")
    return pg.density(_c(20)).m_as("kg/m**3")


def _r21(what):
    from .capture.direct_to_chip import size_cdu

    eps, ntu, ua, approach = size_cdu(Q_(1, "MW"), _c(42), _c(32), _c(28), _c(36))
    return {"eps": eps, "ntu": ntu, "ua": ua.m_as("kW/K"), "approach": approach.m_as("K")}[what]


def _r26(flow):
    from .capture.cold_plate import ColdPlate
    from .coolants import water

    return ColdPlate().resistance(Q_(flow, "L/min"), water(), _c(25)).m_as("K/W")


def _zuber(k):
    from .boiling import critical_heat_flux_zuber

    return critical_heat_flux_zuber(Q_(8.2e-3, "N/m"), Q_(272, "kJ/kg"), Q_(567, "kg/m**3"), Q_(18.09, "kg/m**3"),
                                    k=k).m_as("kW/m**2")


def _r30(what):
    from .rejection import carnot_cop

    cop = carnot_cop(_c(6.67), _c(35))
    return cop if what == "carnot" else 0.55 * cop


def _reference(kind, what="pue"):
    from .cases import REFERENCE_CASE, load_case

    case = load_case(REFERENCE_CASE)
    r = case.architectures[kind].run(case.it_load, case.site, case.utilisation)
    return float(r.pue)


def _llama(what):
    from .reliability import LLAMA3_405B_INTERRUPTIONS as d

    return (d.job_mtbi() if what == "job" else d.unit_mtbi()).m_as("hour")


_HOF = "ASHRAE Handbook—Fundamentals 2017, ch. 1"
CASES = (
    ValidationCase("R01-W", "humidity ratio at 40 °C db / 20 °C wb", f"{_HOF}, Example 1", 0.0065, "kg/kg",
                   None, 1e-4, "printed to 2 significant figures; ideal-gas vs real-gas tables", lambda: _r01("W")),
    ValidationCase("R01-h", "enthalpy of that air", f"{_HOF}, Example 1", 56.7, "kJ/kg", None, 0.1 * 1.001,
                   "printed to 0.1 kJ/kg", lambda: _r01("h")),
    ValidationCase("R01-v", "specific volume of that air", f"{_HOF}, Example 1", 0.896, "m³/kg", 0.01, None,
                   "1 % as the case file states", lambda: _r01("v")),
    ValidationCase("R01-φ", "relative humidity of that air", f"{_HOF}, Example 1", 14.0, "%", None, 1.0,
                   "printed to whole per cent", lambda: _r01("rh")),
    ValidationCase("R01-dp", "dew point of that air", f"{_HOF}, Example 1", 7.0, "°C", None, 0.5,
                   "printed to whole °C", lambda: _r01("dp")),
    ValidationCase("R02-5", "saturation pressure at 5 °C", f"{_HOF}, Table 3", 872.6, "Pa", 3e-4, None,
                   "table precision", lambda: _psy().saturation_vapour_pressure(_c(5)).m_as("Pa")),
    ValidationCase("R02-50", "saturation pressure at 50 °C", f"{_HOF}, Table 3", 12351.3, "Pa", 3e-4, None,
                   "table precision", lambda: _psy().saturation_vapour_pressure(_c(50)).m_as("Pa")),
    ValidationCase("R03-1000", "standard-atmosphere pressure at 1,000 m", f"{_HOF}, Table 1", 89875.0, "Pa", None, 1.0,
                   "table precision", lambda: _psy().standard_atmosphere_pressure(Q_(1000, "m")).m_as("Pa")),
    ValidationCase("R04", "airflow for 1 kW at a 20 °F rise (standard air)", "sensible-heat rule 3.16 W per CFM·°F",
                   158.0, "CFM", 0.03, None, "conventions for standard air differ by 3 %",
                   lambda: __import__("coolsim.heat_balance", fromlist=["x"]).air_volumetric_flow_for_heat(
                       Q_(1, "kW"), Q_(20, "delta_degF"), _c(20)).m_as("cfm")),
    ValidationCase("R06", "water flow for 100 kW at 10 K", "500·gpm·ΔT rule", 37.9, "gpm", 0.005, None,
                   "water density/cp at 15–25 °C",
                   lambda: __import__("coolsim.heat_balance", fromlist=["x"]).coolant_volumetric_flow_for_heat(
                       Q_(100, "kW"), Q_(10, "K"), __import__("coolsim.coolants", fromlist=["x"]).water(),
                       _c(20)).m_as("gpm")),
    ValidationCase("R07", "ΔT of 1 kW at 1.5 L/min PG25, 35 °C", "OCP cold-plate guidance", 9.98, "K", 0.01, None,
                   "glycol property sources differ by ~1 %",
                   lambda: __import__("coolsim.heat_balance", fromlist=["x"]).coolant_delta_t_from_volumetric_flow(
                       Q_(1, "kW"), Q_(1.5, "L/min"), __import__("coolsim.coolants", fromlist=["x"]).propylene_glycol(0.25),
                       _c(35)).m_as("K")),
    ValidationCase("R10-Q", "fan operating point flow", "analytic (500 − 100Q² vs 400Q²)", 1.0, "m³/s", 1e-9, None,
                   "closed form", lambda: _r10(1.0, "q")),
    ValidationCase("R10-P", "fan shaft power at η 0.6", "analytic", 666.667, "W", 1e-6, None, "closed form",
                   lambda: _r10(1.0, "w")),
    ValidationCase("R11-P", "same fan at 0.8 speed: shaft power", "affinity laws", 341.333, "W", 1e-6, None,
                   "closed form", lambda: _r10(0.8, "w")),
    ValidationCase("R11-Lw", "sound power change at 0.8 speed", "50·log10 of the speed ratio", -4.846, "dB", None, 1e-3,
                   "printed to 0.01 dB", lambda: _r10(0.8, "lw")),
    ValidationCase("R12", "Colebrook friction factor, Re 1e5, ε/D 1e-4", "Colebrook (1939), as in fluids' tests",
                   0.018513866, "-", None, 1e-8, "9 decimals printed",
                   lambda: __import__("coolsim.hydraulics", fromlist=["x"]).friction_factor_colebrook(1e5, 1e-4)),
    ValidationCase("R13", "Churchill friction factor, Re 1e5, ε/D 1e-4", "Churchill (1977)", 0.0184626, "-", None, 1e-6,
                   "7 decimals printed",
                   lambda: __import__("coolsim.hydraulics", fromlist=["x"]).friction_factor_churchill(1e5, 1e-4)),
    ValidationCase("R14-hyd", "pump hydraulic power, 1,800 L/min at 250 kPa", "definition", 7.50, "kW", 1e-9, None,
                   "exact", lambda: _r14("hyd")),
    ValidationCase("R14-el", "pump electric power, η 0.75 × 0.94", "definition", 10.638, "kW", 1e-4, None,
                   "exact to 4 figures", lambda: _r14("el")),
    ValidationCase("R15-freeze", "PG 30 % freezing point", "CoolProp MPG (Melinder) / ASHRAE HoF ch. 31", -12.8, "°C",
                   None, 0.5, "as validation-cases.md", lambda: _r15("freeze")),
    ValidationCase("R15-cp", "PG 30 % cp at 20 °C", "ASHRAE HoF ch. 31", 3.857, "kJ/(kg·K)", 0.02, None,
                   "as validation-cases.md", lambda: _r15("cp")),
    ValidationCase("R15-ρ", "PG 30 % density at 20 °C", "ASHRAE HoF ch. 31", 1023.8, "kg/m³", 0.005, None,
                   "as validation-cases.md", lambda: _r15("rho")),
    ValidationCase("R20", "counterflow ε at NTU 5, Cr 0.7", "Incropera 7th ed., Table 11.3", 0.92067, "-", None, 1e-5,
                   "5 decimals", lambda: __import__("coolsim.heat_exchangers", fromlist=["x"]).effectiveness(
                       __import__("coolsim.heat_exchangers", fromlist=["x"]).COUNTERFLOW, 5.0, 0.7)),
    ValidationCase("R21-UA", "CDU UA for 1 MW, 42→32 °C vs 28→36 °C", "ε-NTU sizing", 203.0, "kW/K", 0.005, None,
                   "as validation-cases.md", lambda: _r21("ua")),
    ValidationCase("R21-ap", "CDU approach", "definition", 4.0, "K", 0.005, None, "exact", lambda: _r21("approach")),
    ValidationCase("R22", "laminar Nu, square duct (H1)", "Shah & London (1978)", 3.6102, "-", 1e-4, None,
                   "polynomial fit precision",
                   lambda: __import__("coolsim.convection", fromlist=["x"]).nusselt_rectangular_h1(1.0)),
    ValidationCase("R23", "Gnielinski Nu, Re 1e5, Pr 1.2, f 0.0185", "Gnielinski (1976)", 254.63, "-", 1e-4, None,
                   "5 figures", lambda: __import__("coolsim.convection", fromlist=["x"]).nusselt_gnielinski(
                       1e5, 1.2, 0.0185)),
    ValidationCase("R24", "Churchill–Chu vertical plate, Incropera Ex. 9.2", "Incropera 7th ed., Example 9.2",
                   147.16, "-", 1e-4, None, "5 figures",
                   lambda: __import__("coolsim.convection", fromlist=["x"]).nusselt_churchill_chu_vertical_plate(
                       2.63e9 * 0.69, 0.69)),
    ValidationCase("R25", "Zuber CHF with K = 0.149 (Serth)", "Serth, Process Heat Transfer, via ht", 444.3, "kW/m²",
                   1e-4, None, "4 figures", lambda: _zuber(0.149)),
    ValidationCase("R26", "OCP 1 kW cold plate R at 3 L/min", "OCP OAI Liquid Cooling Guidelines (2023) fig. 8",
                   0.0160, "K/W", 0.03, None, "fit within 3 %", lambda: _r26(3.0)),
    ValidationCase("R30", "chiller COP at 0.55 of Carnot, 6.67 / 35 °C", "Carnot with second-law efficiency", 5.43, "-",
                   None, 0.005, "2 decimals", lambda: _r30("cop")),
    ValidationCase("R31", "COP of a 0.6 kW/ton chiller", "definition", 5.86, "-", None, 0.005, "2 decimals",
                   lambda: __import__("coolsim.rejection", fromlist=["x"]).cop_from_kw_per_ton(0.6)),
    ValidationCase("R32", "UPS efficiency at 10 % load (p0 .01, k1 .02, k2 .02)", "3-term UPS loss model", 0.8913, "-",
                   None, 5e-5, "4 decimals", lambda: __import__("coolsim.electrical", fromlist=["x"]).ups_efficiency(
                       Q_(50, "kW"), Q_(500, "kW"), 0.01, 0.02, 0.02)),
    ValidationCase("R33", "TUE from ITUE 1.156 and PUE 1.356", "Patterson et al., ISC 2013", 1.568, "-", None, 5e-4,
                   "3 decimals", lambda: __import__("coolsim.metrics", fromlist=["x"]).tue(1.156, 1.356)),
    ValidationCase("R34", "dew point at 27 °C, 60 % RH", "ASHRAE TC 9.9 (2021) envelope check", 18.6, "°C", None, 0.2,
                   "as validation-cases.md",
                   lambda: _psy().dew_point_from_relative_humidity(_c(27), 0.6).m_as("degC")),
    ValidationCase("R40", "Llama 3 job MTBI, 419 interruptions in 54 days", "Dubey et al. 2024, Table 5", 3.093, "h",
                   None, 5e-4, "exact arithmetic", lambda: _llama("job")),
    ValidationCase("R41", "Llama 3 per-host MTBI", "derived from R40", 6334.6, "h", None, 0.05, "1 decimal",
                   lambda: _llama("host")),
    ValidationCase("B1", "forced-air PUE, reference case (design day)", "Uptime 2023–24 avg 1.56–1.58; band 1.15–1.60",
                   1.375, "-", None, 0.225, "plausibility band, not a tight test", lambda: _reference("forced_air"), True),
    ValidationCase("B2", "direct-to-chip PUE, reference case", "NREL ESIF 1.04–1.06 chiller-less; band 1.04–1.20",
                   1.12, "-", None, 0.08, "plausibility band (residual air load keeps a chiller)",
                   lambda: _reference("direct_to_chip"), True),
    ValidationCase("B3", "single-phase immersion PUE, reference case", "Eiland et al. 2017 pPUE ≈ 1.03 + UPS/PDU",
                   1.075, "-", None, 0.045, "plausibility band 1.03–1.12", lambda: _reference("immersion_single_phase"), True),
    ValidationCase("B5", "Zuber CHF of Novec 649 at 1 atm", "dielectric pool boiling 5–20 W/cm²", 12.5, "W/cm²", None,
                   7.5, "plausibility band", lambda: _novec_chf(), True),
)


def _novec_chf():
    from .boiling import critical_heat_flux_zuber
    from .coolants import NOVEC_649 as f

    t = f.boiling_point
    return critical_heat_flux_zuber(f.surface_tension(Q_(t, "K")), Q_(f.latent_heat_si, "J/kg"),
                                    f.density(Q_(t, "K")), Q_(f.vapour_density_si, "kg/m**3")).m_as("W/cm**2")


def run_all() -> list[tuple[ValidationCase, float, bool]]:
    """Run every case: (case, computed, passed)."""
    return [(case, *case.run()) for case in CASES]


def report_markdown() -> str:
    """The validation table of ``docs/validation_report.md``."""
    lines = ["| id | quantity | source | expected | computed | tolerance | result |",
             "|---|---|---|---:|---:|---|---|"]
    for case, got, ok in run_all():
        lines.append(f"| {case.id} | {case.what} | {case.source} | {case.expected_text} | {got:.6g} | "
                     f"{case.tolerance} ({case.why}) | {'pass' if ok else '**FAIL**'} |")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(report_markdown())
