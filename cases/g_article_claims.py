"""Case study g: the founding article's claims, checked one by one.

PUE 1.3 -> 1.1; tens of thousands of CFM per pod; noise above 100 dB; power at ~10 % of
cost; the drain hour. Each claim gets the numbers coolsim computes and a verdict
(reference case: ``cases/reference.toml``).

Run: ``python cases/g_article_claims.py [--fast]``
"""

from __future__ import annotations

import dataclasses
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402

from coolsim import Q_  # noqa: E402
from coolsim.cases import load_case  # noqa: E402
from coolsim.compare import economics_for  # noqa: E402
from coolsim.economics import power_share_of_cost, reprice  # noqa: E402
from coolsim.fans import combine_identical_sources, sound_pressure_level_at_distance  # noqa: E402
from coolsim.it_equipment import ITLoad  # noqa: E402
from coolsim.maintenance import maintenance_summary  # noqa: E402
from coolsim.sweep import replace_path  # noqa: E402

# ---------------------------------------------------------------------------- inputs
CASE_FILE = C.CASES / "reference.toml"
ROW_RACKS = 10
POD_RACKS = 20
INPUTS = {
    "hall": C.Input("2,000 DGX H100 in 500 racks", "cases/reference.toml (the article's 16,000 GPUs)"),
    "row (for 'per pod')": C.Input(ROW_RACKS, "racks of 40.8 kW in one row (assumption: a typical contained row)"),
    "pod (two rows)": C.Input(POD_RACKS, "racks sharing one contained hot aisle (assumption)"),
    "server air rise": C.Input(Q_(20, "delta_degF"), "coolsim forced-air default (assumption; no DGX airflow published)"),
    "CRAH unit": C.Input(Q_(20000, "cfm"), "coolsim CoolingUnit default: rated airflow, 375 Pa, plenum fan"),
    "CRAH sound power": C.Input("ASHRAE/Graham estimate", "coolsim.fans.fan_sound_power_level (Long 2014, Table 13.5)"),
    "listener distance": C.Input(Q_(1, "m"), "coolsim AirSide default; hemispherical free field"),
    "electricity": C.Input(Q_(0.0892, "USD/kWh"), "Virginia 2023 data-centre average (coolsim.economics)"),
    "server price": C.Input(Q_(250_000, "USD"), "founding article's upper figure"),
    "horizon": C.Input(Q_(6, "year"), "server depreciation life"),
    "drain time": C.Input(Q_(1, "hour"), "founding article"),
    "published noise": C.Input("~92 dBA server areas, up to ~96 dBA in racks", "domain primer (2ND); OSHA action "
                               "level 85 dBA"),
}
PRICES = (0.05, 0.0892, 0.15)
DISTANCES_FULL = (1.0, 2.0, 4.0)
DISTANCES_FAST = (1.0, 4.0)


def _verdict(ok, partly=False):
    return "SUPPORTED" if ok else ("PARTLY" if partly else "NOT SUPPORTED")


def main(fast: bool = False) -> dict:
    """Run the study, print the report and return the headline numbers."""
    case = load_case(CASE_FILE)
    results = case.run()
    annual = case.run_year()
    r = C.Report("Case study g - the founding article's claims, checked one by one")

    r.section("QUESTION")
    r.text("The founding article (an interview with a GPU-cloud co-founder) makes five quantitative claims about "
           "cooling a 16,000-GPU H100 cluster: forced air runs at PUE ~1.3 and direct-to-chip at ~1.1; forced-air "
           "pods push tens of thousands of CFM; the noise is above 100 dB; power is ~10 % of the cost of providing "
           "the infrastructure; an immersed server must drain for ~1 hour before service. Which hold, under which "
           "definition?")

    r.section("SYSTEM AND ASSUMPTIONS")
    r.inputs(INPUTS)
    r.text("Claims 1, 3, 4 and 5 use the reference hall at the Sterling, VA design point and TMY3 year. Claim 2 "
           "needs a definition of a 'pod': here a row of 10 racks and, larger, a pod of 20 racks sharing a hot "
           "aisle. Claim 3 separates sound POWER (dB re 1 pW, a property of the source) from sound PRESSURE "
           "(dB re 20 uPa, what a listener hears at a distance); coolsim estimates the CRAH fans only, unweighted.")

    head = {}
    fa, dc = results["forced_air"], results["direct_to_chip"]
    verdicts = []

    r.section("RESULTS")
    # 1. PUE
    head["pue_design_forced_air"] = float(fa.pue)
    head["pue_design_direct_to_chip"] = float(dc.pue)
    head["annual_pue_forced_air"] = annual["forced_air"].pue
    head["annual_pue_direct_to_chip"] = annual["direct_to_chip"].pue
    ok1 = abs(fa.pue - 1.3) <= 0.05 and abs(dc.pue - 1.1) <= 0.03
    verdicts.append(("1. PUE 1.3 -> 1.1", "SUPPORTED (design day)" if ok1 else _verdict(False, partly=True),
                     f"design day {fa.pue:.3f} -> {dc.pue:.3f}; annual {head['annual_pue_forced_air']:.3f} -> "
                     f"{head['annual_pue_direct_to_chip']:.3f}"))
    r.text(f"Claim 1 - PUE. Design day: forced air {fa.pue:.3f}, direct-to-chip {dc.pue:.3f}. Annual (energy-"
           f"weighted, TMY3): {head['annual_pue_forced_air']:.3f} and {head['annual_pue_direct_to_chip']:.3f}. The "
           "article's pair matches the design day (the hottest hour); over a year both are lower, and the gap "
           f"shrinks from {fa.pue - dc.pue:.3f} to {head['annual_pue_forced_air'] - head['annual_pue_direct_to_chip']:.3f}. "
           f"TUE (facility / compute) shows the larger real saving: {fa.tue:.3f} -> {dc.tue:.3f}.")

    # 2. CFM per row / pod
    chain = case.architectures["forced_air"]
    cfm = {}
    for label, racks in (("row", ROW_RACKS), ("pod", POD_RACKS)):
        res = chain.run(ITLoad(case.it_load.server, racks=racks, servers_per_rack=4), case.site)
        s = res.summary()
        cfm[label] = (float(s["it_airflow"].to("cfm").m), float(s["cooling_airflow"].to("cfm").m),
                      int(res.capture.details["units_installed"][0]))
        head[f"{label}_it_airflow_cfm"] = cfm[label][0]
        head[f"{label}_crah_airflow_cfm"] = cfm[label][1]
    per_kw = cfm["row"][0] / (ROW_RACKS * 40.8)
    head["cfm_per_kw"] = per_kw
    ok2 = 1e4 <= cfm["row"][0] < 1e5
    verdicts.append(("2. tens of thousands of CFM per pod", _verdict(ok2),
                     f"row of {ROW_RACKS}: {cfm['row'][0]:,.0f} CFM; pod of {POD_RACKS}: {cfm['pod'][0]:,.0f} CFM"))
    r.text(f"Claim 2 - airflow. At a 20 degF server rise the servers need {per_kw:.0f} CFM per kW: a row of "
           f"{ROW_RACKS} racks at 40.8 kW moves {cfm['row'][0]:,.0f} CFM through its servers "
           f"({cfm['row'][1]:,.0f} CFM from {cfm['row'][2]} CRAH units, bypass included), a 20-rack pod "
           f"{cfm['pod'][0]:,.0f} CFM, the whole hall {fa.summary()['it_airflow'].to('cfm').m / 1e6:.2f} million CFM.")

    # 3. noise
    d = fa.capture.details
    lw_unit = float(d["unit_sound_power_level"][0])
    lp_unit = float(d["unit_sound_pressure_level"][0])
    lw_hall = float(fa.capture.sound_power_level)
    n_row = cfm["row"][2]
    lw_row = float(combine_identical_sources(lw_unit, n_row))
    head["crah_unit_sound_power_db"] = lw_unit
    head["crah_unit_sound_pressure_1m_db"] = lp_unit
    head["row_crah_sound_power_db"] = lw_row
    head["hall_crah_sound_power_db"] = lw_hall
    ok3 = lp_unit > 100.0
    verdicts.append(("3. noise above 100 dB", "PARTLY" if lw_unit > 100 or lw_hall > 100 else _verdict(ok3),
                     f"sound power: one CRAH {lw_unit:.0f} dB, a row's {n_row} {lw_row:.0f} dB, the hall {lw_hall:.0f} dB "
                     f"re 1 pW; sound pressure 1 m from one CRAH {lp_unit:.0f} dB re 20 uPa"))
    r.text(f"Claim 3 - noise. One CRAH unit radiates a sound power of {lw_unit:.1f} dB re 1 pW; the {n_row} units of a "
           f"row together {lw_row:.1f} dB and all {int(d['units_installed'][0])} units of the hall {lw_hall:.1f} dB. "
           f"Sound power is not what the ear hears: 1 m from one unit (hemispherical field) the sound pressure is "
           f"{lp_unit:.1f} dB re 20 uPa, unweighted. 'Above 100 dB' is true of sound power, not of the CRAH sound "
           "pressure at a listener; the server fans (not modelled) add to it in the aisles, where ~92-96 dBA is "
           "published - loud enough for hearing protection (85 dBA action level), below 100 dB.")

    # 4. power share of cost
    costs = economics_for(case, results, annual)
    shares = {}
    for name in ("forced_air", "direct_to_chip"):
        for definition in ("server", "tco"):
            ps = power_share_of_cost(costs[name], definition)
            shares[(name, definition)] = ps
            head[f"power_share_pct_{definition}_def_{name}"] = 100 * ps.share
            head[f"price_for_10pct_usd_per_kwh_{definition}_def_{name}"] = float(ps.price_for_10_percent.to("USD/kWh").m)
    s_fa = shares[("forced_air", "server")]
    ok4 = abs(s_fa.share - 0.10) <= 0.02
    verdicts.append(("4. power ~10 % of cost", _verdict(ok4),
                     f"{100 * s_fa.share:.1f} % (energy / servers + energy, forced air, annual energy at "
                     f"0.0892 USD/kWh); 10 % needs {s_fa.price_for_10_percent.to('USD/kWh').m:.3f} USD/kWh"))
    r.table(["definition", "forced air [%]", "direct-to-chip [%]", "price for 10 %, forced air [USD/kWh]"],
            [[definition, f"{100 * shares[('forced_air', definition)].share:.1f}",
              f"{100 * shares[('direct_to_chip', definition)].share:.1f}",
              f"{shares[('forced_air', definition)].price_for_10_percent.to('USD/kWh').m:.4f}"]
             for definition in ("server", "tco")],
            "Claim 4 - energy share of cost over 6 years (annual energy from the TMY3 year)")

    # 5. the drain hour
    imm = "immersion_single_phase"
    m1 = maintenance_summary(case.architectures[imm], results[imm], case.it_load, case.maintenance)
    m0 = maintenance_summary(case.architectures[imm], results[imm], case.it_load,
                             dataclasses.replace(case.maintenance, drain_time=Q_(0.0, "hour")))
    drain_cost = float((m1.lost_revenue_per_year - m0.lost_revenue_per_year).to("USD/year").m)
    energy_gain = costs["forced_air"].opex["energy"] - costs[imm].opex["energy"]
    head["drain_hour_lost_gpu_hours_per_year"] = float(m1.lost_gpu_hours_per_year - m0.lost_gpu_hours_per_year)
    head["drain_hour_lost_revenue_usd_per_year"] = drain_cost
    head["energy_saving_immersion_vs_air_musd_per_year"] = energy_gain / 1e6
    verdicts.append(("5. the drain hour matters", "PARTLY",
                     f"{drain_cost:,.0f} USD/y of GPU-hours vs {energy_gain / 1e6:.1f} M USD/y of energy saved; "
                     "matters for synchronous jobs without spares (case study d)"))
    r.text(f"Claim 5 - the drain hour. It lengthens each single-phase repair from {m0.repair_time.to('hour').m:.2f} "
           f"to {m1.repair_time.to('hour').m:.2f} h: {head['drain_hour_lost_gpu_hours_per_year']:,.0f} GPU-hours "
           f"({drain_cost:,.0f} USD at 4 USD/GPU-hour) a year for the hall, against "
           f"{energy_gain / 1e6:.1f} M USD a year of energy that immersion saves over forced air. For one synchronous "
           "training job without hot spares every hour of repair stalls all 2,048 nodes (case study d).")

    r.table(["claim", "verdict", "numbers"], [list(v) for v in verdicts], "Verdicts")

    r.section("SENSITIVITY")
    prow = []
    for p in PRICES:
        c = reprice(costs["forced_air"], electricity_price=Q_(p, "USD/kWh"))
        ps = power_share_of_cost(c, "server")
        prow.append([f"{p:.4g}", f"{100 * ps.share:.1f}", f"{100 * power_share_of_cost(c, 'tco').share:.1f}"])
        head[f"power_share_pct_server_def_forced_air_at_{p:g}_usd_per_kwh"] = 100 * ps.share
    r.table(["electricity [USD/kWh]", "energy / (servers + energy) [%]", "energy / TCO [%]"], prow,
            "Claim 4: forced air, electricity price")
    drows = []
    for dist in (DISTANCES_FAST if fast else DISTANCES_FULL):
        lp = float(sound_pressure_level_at_distance(lw_unit, Q_(dist, "m")))
        drows.append([f"{dist:g}", f"{lp:.1f}", f"{lp + 10 * math.log10(2):.1f}"])
        head[f"crah_sound_pressure_db_at_{dist:g}_m"] = lp
    r.table(["distance from a CRAH [m]", "Lp one unit [dB]", "Lp two units equidistant [dB]"], drows,
            "Claim 3: sound pressure vs distance (free field over a reflecting floor)")
    trows = []
    for rise in (15.0, 20.0, 25.0):
        c = dataclasses.replace(chain, capture=replace_path(chain.capture, "it_delta_t", Q_(rise, "delta_degF")))
        res = c.run(ITLoad(case.it_load.server, racks=ROW_RACKS, servers_per_rack=4), case.site)
        v = float(res.summary()["it_airflow"].to("cfm").m)
        trows.append([f"{rise:g}", f"{v:,.0f}"])
        head[f"row_it_airflow_cfm_rise_{rise:g}_degf"] = v
    r.table(["server air rise [degF]", f"row of {ROW_RACKS} racks [CFM]"], trows, "Claim 2: server temperature rise")

    r.section("FINDINGS")
    r.bullets([f"{c}: {v}. {n}." for c, v, n in verdicts])

    r.section("LIMITATIONS")
    r.bullets([
        "The 'pod' is not defined in the article; a row of 10 and a pod of 20 racks are assumptions.",
        "Noise: only the CRAH fans are estimated (ASHRAE/Graham method, +-4 dB or more, unweighted); server fans, "
        "room reverberation and A-weighting are not modelled, so the hall's sound pressure is under-predicted.",
        "PUE depends on the chosen plant (chiller efficiency, tower approach, UPS loading); the design-day and "
        "annual values bracket what a similar hall would report.",
        "Cost shares use coolsim.economics defaults (server 250,000 USD, 6 years, Virginia electricity); the "
        "article does not state its definition.",
        "The drain time itself is the article's figure; no published measurement was found.",
    ])
    r.close()
    return head


if __name__ == "__main__":
    main(fast=C.parse_fast())
