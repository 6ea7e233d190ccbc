"""Case study c: 120 kW+ GB200-NVL72-class racks - which architectures are feasible at all?

Forced air is refused for a liquid-native server (reported as not feasible, with the
reason); direct-to-chip (the vendor design), single- and two-phase immersion what-ifs
(``cases/c_gb200_nvl72.toml``): coolant flow, ASHRAE W class, the residual air load.

Run: ``python cases/c_gb200_nvl72.py [--fast]``
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402

import numpy as np  # noqa: E402

from coolsim import Q_  # noqa: E402
from coolsim import architectures as A  # noqa: E402
from coolsim.capture.direct_to_chip import liquid_class_for_supply  # noqa: E402
from coolsim.cases import load_case  # noqa: E402
from coolsim.errors import CoolsimError  # noqa: E402

# ---------------------------------------------------------------------------- inputs
CASE_FILE = C.CASES / "c_gb200_nvl72.toml"
INPUTS = {
    "racks": C.Input(8, "one 8-rack scalable unit (primer: SuperPOD unit of 8 racks, 2ND)"),
    "rack power": C.Input(Q_(120, "kW"), "NVIDIA DGX GB200 user guide via 2ND (132 kW quoted by Supermicro, VENDOR)"),
    "GPUs per rack": C.Input(72, "NVIDIA DGX GB200 user guide, hardware (SPEC)"),
    "GPU power": C.Input(Q_(1200, "W"), "NVIDIA Blackwell datasheet (2ND)"),
    "liquid-capturable share": C.Input(0.85, "coolsim.it_equipment 'gb200-nvl72': low end of 0.85-0.95 (2ND, derived)"),
    "rack fans": C.Input(Q_(2.4, "kW"), "2 % of max power (coolsim catalogue assumption)"),
    "TCS supply": C.Input(Q_(36, "degC"), "cases/c_gb200_nvl72.toml (W32 with a 4 K CDU approach)"),
    "OCP flow guidance": C.Input(Q_(1.5, "L/min/kW"), "OCP OAI liquid-cooling guidelines: 1.5 L/min per kW at <= 10 K"),
    "junction limit": C.Input(Q_(85, "degC"), "coolsim default (assumption)"),
}
LIQUID_SHARES_FULL = (0.85, 0.90, 0.95)
LIQUID_SHARES_FAST = (0.85, 0.95)
TCS_SUPPLY_FULL = (30.0, 36.0, 40.0, 44.0, 49.0)
TCS_SUPPLY_FAST = (30.0, 44.0)
BOIL_AREAS = (100.0, 150.0, 200.0)  # cm^2 per GPU


def _c(t_k):
    return float(np.max(t_k)) - 273.15


def _with(chain, **changes):
    return dataclasses.replace(chain, capture=dataclasses.replace(chain.capture, **changes))


def main(fast: bool = False) -> dict:
    """Run the study, print the report and return the headline numbers."""
    case = load_case(CASE_FILE)
    hall, site = case.it_load, case.site
    racks = hall.racks
    r = C.Report("Case study c - GB200-NVL72-class racks at 120 kW: which architectures are feasible?")

    r.section("QUESTION")
    r.text("A GB200 NVL72 rack draws about 120 kW and is designed around cold plates, with a fan-cooled remainder. "
           "Which cooling architectures can serve eight such racks at all, how much coolant does each rack need, "
           "which ASHRAE liquid class does the facility water fall in, and how much heat is left for room air?")

    r.section("SYSTEM AND ASSUMPTIONS")
    r.inputs(INPUTS)
    r.text(f"Case file: {CASE_FILE.relative_to(C.ROOT)} (design point Sterling, VA). Forced air is the reference "
           "forced-air chain (coolsim.architectures.forced_air). The immersion entries are what-ifs with one "
           "rack's trays per tank and coolsim's default GPU heat-sink (single-phase) and boiling-surface "
           "(two-phase, 100 cm2 per GPU, plain-surface Zuber CHF) assumptions.")

    head = {}
    rows = []
    try:
        A.forced_air().run(hall, site)
    except CoolsimError as err:
        reason = str(err)
        head["forced_air_feasible"] = 0.0
        rows.append(["forced_air", "NOT FEASIBLE", "-", "-", "-", "-", "-", "-"])
    else:  # pragma: no cover - would mean the model changed its contract
        reason = "(accepted: the model no longer refuses a liquid-native server)"
        head["forced_air_feasible"] = 1.0

    results = case.run()
    for name, res in results.items():
        c = res.capture
        flow = res.summary()["coolant_flow"]
        feasible = bool(res.feasibility.all)
        tj = _c(c.max_device_temperature)
        head[f"{name}_feasible"] = float(feasible)
        head[f"pue_{name}"] = float(res.pue)
        head[f"junction_degc_{name}"] = tj
        head[f"coolant_flow_l_per_min_per_rack_{name}"] = float(flow.to("L/min").m) / racks
        head[f"residual_air_kw_per_rack_{name}"] = float(c.heat_to_air) / 1e3 / racks
        wclass = "-"
        if name == "direct_to_chip":
            wclass = str(np.asarray(c.details["w_class"][0]))
            head["facility_supply_degc_direct_to_chip"] = _c(c.details["design_facility_supply"][0])
            head["flow_l_per_min_per_kw_direct_to_chip"] = float(c.details["flow_per_kw"][0]) * 60e3
            head["residual_air_cfm_per_rack_direct_to_chip"] = float(Q_(float(c.it_airflow), "m**3/s").to("cfm").m) / racks
        rows.append([name, "yes" if feasible else "NO", f"{res.pue:.3f}", f"{flow.to('L/min').m / racks:,.0f}",
                     wclass, f"{c.heat_to_air / 1e3 / racks:.1f}", f"{tj:.1f}",
                     "; ".join(res.feasibility.reasons_anywhere()) or "-"])

    r.section("RESULTS")
    r.table(["architecture", "feasible", "PUE", "coolant [L/min per rack]", "W class", "air [kW per rack]",
             "GPU junction [degC]", "reason"], rows, "Design day, 8 racks at full load")
    r.text(f"Forced air: {reason}")
    dc = results["direct_to_chip"].capture
    r.text(f"Direct-to-chip: {head['flow_l_per_min_per_kw_direct_to_chip']:.2f} L/min per kW of liquid heat "
           f"(OCP: 1.5), facility water up to {head['facility_supply_degc_direct_to_chip']:.1f} degC "
           f"({np.asarray(dc.details['w_class'][0])}); the residual {head['residual_air_kw_per_rack_direct_to_chip']:.1f} "
           f"kW per rack still needs {head['residual_air_cfm_per_rack_direct_to_chip']:,.0f} CFM of room air per "
           "rack through the CRAH units and their chiller.")

    r.section("SENSITIVITY")
    d2c = case.architectures["direct_to_chip"]
    srows = []
    for phi in (LIQUID_SHARES_FAST if fast else LIQUID_SHARES_FULL):
        for t in (TCS_SUPPLY_FAST if fast else TCS_SUPPLY_FULL):
            res = _with(d2c, liquid_share=phi, tcs_supply_temperature=Q_(t, "degC")).run(hall, site)
            c = res.capture
            fws = _c(c.details["design_facility_supply"][0])
            srows.append([f"{phi:g}", f"{t:g}", f"{fws:.0f}", str(liquid_class_for_supply(Q_(fws, "degC"))),
                          f"{c.heat_to_air / 1e3 / racks:.1f}", f"{_c(c.max_device_temperature):.1f}",
                          f"{res.pue:.3f}", "; ".join(res.feasibility.reasons_anywhere()) or "yes"])
            head[f"junction_degc_d2c_phi_{phi:g}_tcs_{t:g}"] = _c(c.max_device_temperature)
    r.table(["liquid share", "TCS supply [degC]", "facility supply [degC]", "W class", "air [kW/rack]",
             "GPU junction [degC]", "PUE", "feasible (or why not)"], srows, "Direct-to-chip: captured share and TCS supply (design day)")
    tp = case.architectures["immersion_two_phase"]
    irows = []
    for area in (BOIL_AREAS[::2] if fast else BOIL_AREAS):
        for enh in (1.0, 2.0):
            res = _with(tp, boiling_area_per_gpu=Q_(area, "cm**2"), chf_enhancement=enh).run(hall, site)
            d = res.capture.details
            irows.append([f"{area:g}", f"{enh:g}", f"{float(d['chf_margin'][0]):.2f}",
                          f"{_c(res.capture.max_device_temperature):.1f}", "yes" if res.feasibility.all else "NO"])
            head[f"chf_margin_two_phase_area_{area:g}_cm2_enh_{enh:g}"] = float(d["chf_margin"][0])
            head[f"junction_degc_two_phase_area_{area:g}_cm2_enh_{enh:g}"] = _c(res.capture.max_device_temperature)
    r.table(["boiling area per GPU [cm2]", "CHF enhancement", "CHF margin", "GPU junction [degC]", "feasible"],
            irows, "Two-phase immersion what-if (Novec 649): boiling surface per 1,200 W GPU")

    r.section("FINDINGS")
    r.bullets([
        "Forced air is not feasible: the model refuses a server whose native design sends 85 % of its heat to "
        "cold plates (" + reason.split(";")[0] + ").",
        f"Direct-to-chip is feasible: {head['coolant_flow_l_per_min_per_rack_direct_to_chip']:,.0f} L/min of PG25 "
        f"per rack, facility water of class {np.asarray(dc.details['w_class'][0])}, GPU junction "
        f"{head['junction_degc_direct_to_chip']:.1f} degC, PUE {head['pue_direct_to_chip']:.3f}.",
        f"The residual air load is large in absolute terms: {head['residual_air_kw_per_rack_direct_to_chip']:.1f} kW "
        "per rack - as much as a dense air-cooled rack of a few years ago - so the hall still needs CRAH capacity "
        "and chilled water. Raising the captured share to 0.95 cuts it by two thirds.",
        "Warmer TCS supply moves the facility water up the W classes (free cooling more hours) at the cost of GPU "
        "junction margin; the table shows where the junction limit is reached.",
        "Immersion what-ifs with coolsim's default surfaces leave the 1,200 W GPU junction above 85 degC "
        f"(single-phase {head['junction_degc_immersion_single_phase']:.1f}, two-phase "
        f"{head['junction_degc_immersion_two_phase']:.1f} degC). For two-phase, a larger or enhanced boiling surface "
        "fixes the critical-heat-flux margin but not the junction: Novec 649 boils at 49 degC and 1,200 W through "
        "0.02 K/W of lid and spreader resistance adds 24 K before any wall superheat, so a lower-boiling fluid or "
        "a better spreader is needed, not only more area.",
    ])

    r.section("LIMITATIONS")
    r.bullets([
        "The rack is modelled as one 'server' with a uniform GPU power; the NVLink switch trays, networking and "
        "power shelves are lumped into the air-cooled remainder.",
        "The capturable share (0.85) and fan power (2 %) are derived / assumed, not vendor-published values.",
        "The cold-plate model is the OCP 1 kW OAM fit, used here at 1,200 W per GPU (a mild extrapolation).",
        "Immersion of NVL72 trays is not a vendor configuration; those columns are physics what-ifs.",
    ])
    r.close()
    return head


if __name__ == "__main__":
    main(fast=C.parse_fast())
