"""Case study e: warm-water supply temperature for direct-to-chip.

Sweeps the technology-loop (TCS) supply temperature of the reference hall's cold plates and
counts, over a TMY3 year, the hours its facility water needs no chiller, against the ASHRAE W
class of that water and the GPU junction margin (``cases/e_warm_water_sweep.toml``).

Run: ``python cases/e_warm_water_sweep.py [--fast]``
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402

import numpy as np  # noqa: E402

from coolsim import Q_  # noqa: E402
from coolsim.annual import run_year  # noqa: E402
from coolsim.capture.direct_to_chip import LIQUID_CLASSES  # noqa: E402
from coolsim.cases import load_case  # noqa: E402
from coolsim.weather import CLIMATES, load_climate  # noqa: E402

# ---------------------------------------------------------------------------- inputs
CASE_FILE = C.CASES / "e_warm_water_sweep.toml"
CDU_APPROACH = Q_(4.0, "K")  # coolsim.capture.direct_to_chip.CDU default
INPUTS = {
    "hall": C.Input("2,000 DGX H100 (20.4 MW)", "cases/reference.toml"),
    "liquid share": C.Input(0.80, "cases/e_warm_water_sweep.toml (Vertiv/NVIDIA 2022: ~75 %)"),
    "TCS rise": C.Input(Q_(10, "K"), "OCP OAI guidelines: 1.5 L/min per kW at <= 10 K"),
    "CDU approach": C.Input(CDU_APPROACH, "coolsim CDU default; 3-5 K typical (2ND)"),
    "facility plant": C.Input("tower + trim chiller", "4 K tower approach, 0.55-of-Carnot chiller "
                              "(coolsim.architectures, assumptions)"),
    "W classes": C.Input(", ".join(c.name for c in LIQUID_CLASSES), "ASHRAE TC 9.9 (2021), via 2ND summaries"),
    "GPU junction limit": C.Input(Q_(85, "degC"), "coolsim default (assumption: 84-95 degC slowdown quoted, 2ND)"),
    "GPU cold plate": C.Input("OCP 1 kW OAM fit", "coolsim.capture.cold_plate.ColdPlate (validation case R26)"),
}
# TCS supply = facility supply + 4 K approach: 21, 31, 36, 44, 49 degC put the facility water at
# the W17, W27, W32, W40 and W45 class limits.
TCS_FAST = (21.0, 27.0, 31.0, 36.0, 44.0, 49.0)
TCS_FULL = tuple(np.arange(21.0, 50.0, 2.0)) + (27.0, 31.0, 36.0, 44.0)
SITES_FAST = ("sterling-va",)
SITES_FULL = tuple(CLIMATES)
FWS_STREAM = "facility water to CDUs"


def _key(site):
    return site.replace("-", "_")


def main(fast: bool = False) -> dict:
    """Run the study, print the report and return the headline numbers."""
    case = load_case(CASE_FILE)
    chain = case.architectures["direct_to_chip"]
    temps = sorted(set(TCS_FAST if fast else TCS_FULL))
    sites = SITES_FAST if fast else SITES_FULL
    r = C.Report("Case study e - warm-water direct-to-chip: supply temperature vs chiller-less hours and GPU margin")

    r.section("QUESTION")
    r.text("How warm can the cold-plate loop run? Each degree of supply temperature gives the facility water more "
           "hours without a chiller and moves it up the ASHRAE W classes, but it also takes a degree off the GPU "
           "junction margin. Where is the balance for the reference hall, and does it depend on the climate?")

    r.section("SYSTEM AND ASSUMPTIONS")
    r.inputs(INPUTS)
    r.text(f"Case file: {CASE_FILE.relative_to(C.ROOT)}. For each TCS supply temperature the chain is rebuilt "
           "and run over the TMY3 year at full load (coolsim.annual.run_year, plants sized at the site's ASHRAE "
           "design point). 'Chiller-less hours' are the hours in which the facility-water stream to the CDUs is "
           "cooled by the tower alone; the residual 20 % air load keeps its own chilled-water plant in every case. "
           "GPU margin = junction limit - design-day junction temperature.")

    head = {}
    tables = {}
    for site in sites:
        w = load_climate(site)
        rows = []
        for t in temps:
            c = dataclasses.replace(chain, capture=dataclasses.replace(chain.capture,
                                                                       tcs_supply_temperature=Q_(t, "degC")))
            a = run_year(c, case.it_load, w)
            d = a.design.capture
            fws = float(d.details["design_facility_supply"][0]) - 273.15
            wclass = str(np.asarray(d.details["w_class"][0]))
            tj = float(d.max_device_temperature) - 273.15
            free = a.stream_economizer_hours[FWS_STREAM]
            rows.append([f"{t:g}", f"{fws:g}", wclass, f"{free:,}", f"{a.chiller_hours:,}", f"{a.pue:.4f}",
                         f"{tj:.1f}", f"{85.0 - tj:+.1f}", f"{a.infeasible_hours}"])
            k = f"tcs_{t:g}c_{_key(site)}"
            head[f"chillerless_hours_fws_{k}"] = float(free)
            head[f"annual_pue_{k}"] = a.pue
            if site == sites[0]:
                head[f"gpu_margin_k_tcs_{t:g}c"] = 85.0 - tj
                head[f"facility_supply_degc_tcs_{t:g}c"] = fws
        tables[site] = rows

    r.section("RESULTS")
    headers = ["TCS supply [degC]", "facility supply [degC]", "W class", "chiller-less h (CDU water)",
               "hours with any chiller", "annual PUE", "GPU junction [degC]", "GPU margin [K]", "infeasible h"]
    r.table(headers, tables[sites[0]], f"{sites[0]} (TMY3), 2,000 DGX H100 at full load")

    r.section("SENSITIVITY")
    if len(sites) > 1:
        for site in sites[1:]:
            r.table(headers, tables[site], f"{site} (TMY3)")
    else:
        r.text("Fast mode: one site only; run without --fast for the five built-in climates.")
    # the warmest supply that keeps a required GPU margin
    for margin in (5.0, 10.0, 20.0):
        ok = [t for t in temps if head[f"gpu_margin_k_tcs_{t:g}c"] >= margin]
        r.text(f"Warmest swept TCS supply with >= {margin:g} K GPU margin: "
               + (f"{max(ok):g} degC" if ok else "none in the sweep"))

    r.section("FINDINGS")
    k0 = _key(sites[0])
    r.bullets([
        f"At {sites[0]}: W17 water (TCS 21 degC) is chiller-free for {head[f'chillerless_hours_fws_tcs_21c_{k0}']:,.0f} h "
        f"a year, W27 (31 degC) for {head[f'chillerless_hours_fws_tcs_31c_{k0}']:,.0f} h, W32 (36 degC) for "
        f"{head[f'chillerless_hours_fws_tcs_36c_{k0}']:,.0f} h and W40 (44 degC) for "
        f"{head[f'chillerless_hours_fws_tcs_44c_{k0}']:,.0f} h.",
        f"The GPU margin falls about one kelvin per kelvin of supply: {head['gpu_margin_k_tcs_21c']:+.1f} K at "
        f"21 degC, {head['gpu_margin_k_tcs_36c']:+.1f} K at 36 degC, {head['gpu_margin_k_tcs_49c']:+.1f} K at 49 degC "
        "(700 W H100 on the OCP cold-plate fit).",
        f"Annual PUE stops improving once the CDU water is chiller-free all year: "
        f"{head[f'annual_pue_tcs_21c_{k0}']:.4f} at 21 degC, {head[f'annual_pue_tcs_36c_{k0}']:.4f} at 36 degC, "
        f"{head[f'annual_pue_tcs_49c_{k0}']:.4f} at 49 degC; beyond W32 the remaining chiller hours belong to the "
        "residual air load, which warm water cannot remove.",
        f"For 700 W GPUs the sweet spot is W32-W40 water: (almost) no chiller hours for the liquid loop and "
        f"{head['gpu_margin_k_tcs_44c']:.0f}-{head['gpu_margin_k_tcs_36c']:.0f} K of junction margin. 1,000-1,200 W "
        "GPUs (case study c) take more of the margin per kelvin of supply.",
    ])

    r.section("LIMITATIONS")
    r.bullets([
        "Full load all year; the GPU margin is the design-day value at the TCS supply setpoint (the CDU holds the "
        "setpoint whenever the plant can deliver it).",
        "The chiller on the facility-water loop is an idealised 0.55-of-Carnot machine; its cost is not counted.",
        "Dew point: the TCS supply stays above the 10 degC room dew point + 2 K over the whole sweep, so "
        "condensation never limits it here; a humid, uncontrolled room would.",
        "W-class limits are taken from secondary summaries of ASHRAE TC 9.9 (2021).",
    ])
    r.close()
    return head


if __name__ == "__main__":
    main(fast=C.parse_fast())
