"""Case study a: the founding article's 16,000-GPU H100 cluster in Northern Virginia.

Forced air vs direct-to-chip vs single- and two-phase immersion for the same 2,000
DGX-H100-class servers (``cases/reference.toml``), on the design day and over a TMY3 year.

Run: ``python cases/a_reference_cluster.py [--fast]``
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402

from coolsim import Q_  # noqa: E402
from coolsim.cases import load_case  # noqa: E402
from coolsim.compare import comparison_rows  # noqa: E402
from coolsim.sweep import replace_path  # noqa: E402
from coolsim.weather import load_climate  # noqa: E402

# ---------------------------------------------------------------------------- inputs
CASE_FILE = C.CASES / "reference.toml"
INPUTS = {
    "GPUs": C.Input(16_000, "founding article: 16,000 H100 GPUs = 2,000 eight-GPU nodes"),
    "server max power": C.Input(Q_(10.2, "kW"), "NVIDIA DGX H100 user guide, power specifications (SPEC via 2ND)"),
    "servers per rack": C.Input(4, "NVIDIA DGX SuperPOD H100 design guide: 4 per rack = 40.8 kW (2ND)"),
    "design dry bulb": C.Input(Q_(34.1, "degC"), "Washington Dulles, ASHRAE 2009 0.4 % cooling dry bulb"),
    "design wet bulb": C.Input(Q_(25.4, "degC"), "Washington Dulles, ASHRAE 2009 0.4 % evaporation wet bulb"),
    "weather year": C.Input("sterling-va TMY3", "NREL TMY3, Washington Dulles Intl AP (724030)"),
    "forced-air supply air": C.Input(Q_(24, "degC"), "cases/reference.toml; ASHRAE TC 9.9 recommended 18-27 degC"),
    "direct-to-chip liquid share": C.Input(0.80, "cases/reference.toml; ~75 % in Vertiv/NVIDIA InterPACK 2022"),
    "TCS supply": C.Input(Q_(36, "degC"), "cases/reference.toml; CDU window 17-45 degC (2ND)"),
    "utilisation": C.Input(1.0, "design point: every server at maximum power all year (assumption)"),
}
SITES_FULL = ("golden-co", "tampa-fl", "chicago-il", "san-francisco-ca")
SITES_FAST = ("tampa-fl",)
SUPPLY_AIR_FULL = (22.0, 24.0, 27.0)
SUPPLY_AIR_FAST = (24.0, 27.0)


def _key(site):
    return site.replace("-", "_")


def main(fast: bool = False) -> dict:
    """Run the study, print the report and return the headline numbers."""
    case = load_case(CASE_FILE)
    names = list(case.architectures)
    r = C.Report("Case study a - the reference cluster: 16,000 H100 GPUs in Northern Virginia")

    r.section("QUESTION")
    r.text("For the founding article's cluster - 16,000 H100 GPUs in 2,000 servers near Washington "
           "Dulles - how much facility power, airflow, coolant and water does each cooling architecture "
           "need on the design day, and what are the annual energy-weighted PUE, TUE and WUE over a real "
           "weather year?")

    r.section("SYSTEM AND ASSUMPTIONS")
    r.inputs(INPUTS)
    r.text(f"Case file: {CASE_FILE.relative_to(C.ROOT)} ({case.name}). Every architecture starts from "
           "coolsim's reference chain of its kind (coolsim.architectures): forced air and the residual air "
           "of direct-to-chip use CRAH units on a chiller plant with a cooling tower and water-side "
           "economizer; direct-to-chip and single-phase immersion reject their liquid heat through towers "
           "without chillers; two-phase immersion through dry coolers with adiabatic pads. UPS and PDU "
           "losses are facility overhead; server fans are IT power.")

    results = case.run()
    annual = case.run_year()

    r.section("RESULTS")
    rows = comparison_rows(results)
    r.table(["design day (Sterling, VA)"] + names, [[label, *cells] for label, cells in rows])
    arows = []
    for label, get in (("annual PUE", lambda a: f"{a.pue:.3f}"), ("annual TUE", lambda a: f"{a.tue:.3f}"),
                       ("annual WUE [L/kWh]", lambda a: f"{a.wue.to('L/kWh').m:.2f}"),
                       ("facility energy [GWh]", lambda a: f"{a.facility_energy.to('GWh').m:,.1f}"),
                       ("economizer hours", lambda a: f"{a.economizer_hours:,}"),
                       ("chiller hours", lambda a: f"{a.chiller_hours:,}"),
                       ("infeasible hours", lambda a: f"{a.infeasible_hours:,}")):
        arows.append([label, *(get(annual[n]) for n in names)])
    r.table(["TMY3 year at Sterling, VA"] + names, arows)
    for n in names:
        reasons = annual[n].infeasible_reasons
        if reasons:
            r.text(f"{n}: infeasible hours by reason: " + "; ".join(f"{k} ({v} h)" for k, v in reasons.items()))

    head = {}
    for n in names:
        res, a = results[n], annual[n]
        head[f"pue_design_{n}"] = float(res.pue)
        head[f"tue_design_{n}"] = float(res.tue)
        head[f"facility_power_mw_{n}"] = float(res.facility_power.to("MW").m)
        head[f"annual_pue_{n}_sterling_va"] = a.pue
        head[f"annual_wue_l_per_kwh_{n}_sterling_va"] = float(a.wue.to("L/kWh").m)
        head[f"annual_facility_energy_gwh_{n}_sterling_va"] = float(a.facility_energy.to("GWh").m)
    head["it_airflow_cfm_forced_air"] = float(results["forced_air"].summary()["it_airflow"].to("cfm").m)
    head["coolant_flow_l_per_min_direct_to_chip"] = float(
        results["direct_to_chip"].summary()["coolant_flow"].to("L/min").m)

    r.section("SENSITIVITY")
    sites = SITES_FAST if fast else SITES_FULL
    srows = [["sterling-va", *(f"{annual[n].pue:.3f}" for n in names)]]
    for site in sites:
        other = case.with_weather(load_climate(site)).run_year()
        srows.append([site, *(f"{other[n].pue:.3f}" for n in names)])
        for n in names:
            head[f"annual_pue_{n}_{_key(site)}"] = other[n].pue
    r.table(["annual PUE by climate"] + names, srows)
    fa = case.architectures["forced_air"]
    trows = []
    for t in (SUPPLY_AIR_FAST if fast else SUPPLY_AIR_FULL):
        chain = dataclasses.replace(fa, capture=replace_path(fa.capture, "air_side.supply_temperature",
                                                             Q_(t, "degC")))
        res = chain.run(case.it_load, case.site, case.utilisation)
        trows.append([f"{t:g}", f"{float(res.pue):.3f}", f"{float(res.tue):.3f}",
                      f"{res.facility_power.to('MW').m:.2f}", "yes" if res.feasibility.all else "NO"])
        head[f"pue_design_forced_air_supply_{t:g}_degc"] = float(res.pue)
    r.table(["forced-air supply air [degC]", "PUE", "TUE", "facility [MW]", "feasible"], trows,
            "Design day, forced air: supply-air temperature (server fans speed up above a 27 degC inlet)")

    r.section("FINDINGS")
    fa_r, dc_r = results["forced_air"], results["direct_to_chip"]
    saving = (fa_r.facility_power - dc_r.facility_power).to("MW").m
    r.bullets([
        f"Design day: PUE {head['pue_design_forced_air']:.3f} (forced air) -> {head['pue_design_direct_to_chip']:.3f} "
        f"(direct-to-chip) -> {head['pue_design_immersion_single_phase']:.3f} / "
        f"{head['pue_design_immersion_two_phase']:.3f} (single- / two-phase immersion).",
        f"TUE (facility / compute, the fair basis because server fans are IT power) falls more: "
        f"{head['tue_design_forced_air']:.3f} -> {head['tue_design_direct_to_chip']:.3f}; direct-to-chip draws "
        f"{saving:.1f} MW less facility power on the design day.",
        f"Over the Sterling TMY3 year every PUE is lower than on the design day (economizer hours): "
        f"{head['annual_pue_forced_air_sterling_va']:.3f} for forced air vs "
        f"{head['annual_pue_direct_to_chip_sterling_va']:.3f} for direct-to-chip.",
        f"Forced air moves {head['it_airflow_cfm_forced_air'] / 1e6:.2f} million CFM through the servers; "
        f"direct-to-chip moves {head['coolant_flow_l_per_min_direct_to_chip']:,.0f} L/min of PG25.",
        "Tower-cooled architectures use ~2.3 L of water per kWh of IT; the dry-cooled two-phase plant almost none.",
    ])

    r.section("LIMITATIONS")
    r.bullets([
        "Utilisation is 100 % all year: a real training fleet runs below nameplate, which lowers every energy "
        "figure and shifts PUE (fixed losses weigh more at part load).",
        "Equipment efficiencies (chiller at 0.55 of Carnot, 4 K tower approach, pump and fan efficiencies) are "
        "reference assumptions documented in coolsim.architectures, not a vendor selection.",
        "Each hour is a steady state; no thermal storage, no control dead-bands, no part-load staging of "
        "chillers beyond the model's economizer logic.",
        "Server fan power (10 % of DGX power) is an assumption; no DGX fan power is published.",
    ])
    r.close()
    return head


if __name__ == "__main__":
    main(fast=C.parse_fast())
