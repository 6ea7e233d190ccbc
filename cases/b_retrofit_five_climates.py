"""Case study b: retrofitting a 40.8 kW-per-rack air-cooled hall to direct-to-chip at five climates.

Energy, water and payback of cold plates + CDUs added to an existing forced-air hall
(``cases/b_retrofit_five_climates.toml``), over a TMY3 year at each built-in climate.

Run: ``python cases/b_retrofit_five_climates.py [--fast]``
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402

from coolsim import Q_  # noqa: E402
from coolsim.cases import load_case  # noqa: E402
from coolsim.compare import economics_for  # noqa: E402
from coolsim.economics import evaluate_retrofit, reprice  # noqa: E402
from coolsim.weather import CLIMATES, load_climate  # noqa: E402

# ---------------------------------------------------------------------------- inputs
CASE_FILE = C.CASES / "b_retrofit_five_climates.toml"
INPUTS = {
    "racks": C.Input(100, "assumption: one data hall; per-kW results scale with it"),
    "rack power": C.Input(Q_(40.8, "kW"), "4 x DGX H100 at 10.2 kW (NVIDIA DGX SuperPOD H100 design guide, 2ND)"),
    "liquid share": C.Input(0.80, "Vertiv/NVIDIA ASME InterPACK 2022: ~75 % to cold plates; 0.80 assumed"),
    "TCS supply": C.Input(Q_(36, "degC"), "W32 facility water with a 4 K CDU approach (coolsim default)"),
    "electricity": C.Input(Q_(0.0892, "USD/kWh"), "Virginia 2023 data-centre average (coolsim.economics default), "
                           "used at every site so that only the climate differs"),
    "water": C.Input(Q_(5.30, "USD/kgal"), "Loudoun Water 2024 (coolsim.economics default)"),
    "discount rate": C.Input(0.08, "coolsim.economics default (assumption)"),
    "horizon": C.Input(Q_(6, "year"), "server depreciation life (Microsoft/Alphabet 6 y)"),
    "retrofit capex": C.Input("cold plates, CDUs, manifolds, QDs, fill",
                              "coolsim.economics.UnitCosts defaults (mostly assumptions); existing plant reused"),
}
SITES_FULL = tuple(CLIMATES)
SITES_FAST = ("sterling-va", "tampa-fl")
PRICES = (0.05, 0.0892, 0.15)  # USD/kWh, the tornado range of docs/economics.md
CAPEX_SCALES = (0.7, 1.0, 1.5)


def _key(site):
    return site.replace("-", "_")


def _years(p):
    return float("inf") if p.years is None else float(p.years.to("year").m)


def site_study(case, site):
    """(annual results, costs, retrofit result) of the case at one built-in climate."""
    c = case.with_weather(load_climate(site))
    results = c.run()
    annual = c.run_year()
    costs = economics_for(c, results, annual)
    return annual, costs, evaluate_retrofit(costs["forced_air"], costs["direct_to_chip"], mode="retrofit")


def main(fast: bool = False) -> dict:
    """Run the study, print the report and return the headline numbers."""
    case = load_case(CASE_FILE)
    r = C.Report("Case study b - retrofit of a 40.8 kW-per-rack air-cooled hall to direct-to-chip, five climates")

    r.section("QUESTION")
    r.text("An existing hall of 100 air-cooled racks of four DGX H100 (40.8 kW per rack) could be retrofitted "
           "with cold plates, CDUs and warm facility water. How much energy and water does that save over a "
           "year, and how fast does it pay back, in each of five US climates?")

    r.section("SYSTEM AND ASSUMPTIONS")
    r.inputs(INPUTS)
    r.text(f"Case file: {CASE_FILE.relative_to(C.ROOT)}. At each site the plants are sized at that site's "
           "ASHRAE design point and run hour by hour through its TMY3 year at full load. The retrofit keeps the "
           "existing chiller plant for the residual 20 % air load and feeds the CDUs from the towers without a "
           "chiller; it is charged only for equipment the air hall lacks (retrofit mode of "
           "coolsim.economics.evaluate_retrofit). Savings = energy + water + maintenance + repair labour + lost "
           "revenue (downtime from the maintenance model).")

    sites = SITES_FAST if fast else SITES_FULL
    head, rows, rows2 = {}, [], []
    for site in sites:
        annual, costs, ret = site_study(case, site)
        fa, dc = annual["forced_air"], annual["direct_to_chip"]
        de = (fa.facility_energy - dc.facility_energy).to("MWh").m
        dw = (fa.water_use - dc.water_use).to("m**3").m
        k = _key(site)
        head[f"annual_pue_forced_air_{k}"] = fa.pue
        head[f"annual_pue_d2c_{k}"] = dc.pue
        head[f"energy_saving_mwh_per_year_{k}"] = float(de)
        head[f"water_saving_m3_per_year_{k}"] = float(dw)
        head[f"annual_saving_musd_per_year_{k}"] = float(ret.annual_saving.to("USD/year").m) / 1e6
        head[f"npv_musd_d2c_{k}"] = float(ret.npv.to("USD").m) / 1e6
        head[f"simple_payback_years_d2c_{k}"] = _years(ret.simple_payback)
        head[f"payback_years_d2c_{k}"] = _years(ret.discounted_payback)
        head[f"infeasible_hours_d2c_{k}"] = float(dc.infeasible_hours)
        head[f"pays_back_within_6_years_d2c_{k}"] = float(ret.pays_back)
        rows.append([site, f"{fa.pue:.3f}", f"{dc.pue:.3f}", f"{de:,.0f}", f"{100 * de / fa.facility_energy.to('MWh').m:.1f}",
                     f"{dw:,.0f}", f"{dc.infeasible_hours}"])
        rows2.append([site, f"{ret.incremental_capex.to('USD').m / 1e6:.2f}",
                      f"{ret.annual_saving.to('USD/year').m / 1e6:.3f}", f"{ret.npv.to('USD').m / 1e6:.2f}",
                      C.fmt(head[f"simple_payback_years_d2c_{k}"], spec=".2f"),
                      C.fmt(head[f"payback_years_d2c_{k}"], spec=".2f") if ret.pays_back else "never (6 y)"])
        if site == sites[0]:
            base_costs = costs
    head["incremental_capex_musd_d2c"] = float(ret.incremental_capex.to("USD").m) / 1e6

    r.section("RESULTS")
    r.table(["site", "PUE air", "PUE d2c", "energy saved [MWh/y]", "saved [%]", "water saved [m3/y]",
             "d2c infeasible h"], rows, "Annual energy and water, existing air hall vs retrofit")
    r.table(["site", "capex [M USD]", "saving [M USD/y]", "NPV 6 y [M USD]", "simple payback [y]",
             "discounted payback [y]"], rows2, "Money (8 %/year, 6 years; electricity at the Virginia price everywhere)")

    r.section("SENSITIVITY")
    fa_c, dc_c = base_costs["forced_air"], base_costs["direct_to_chip"]
    srows = []
    for p in PRICES:
        for s in CAPEX_SCALES if not fast else (1.0, 1.5):
            ret = evaluate_retrofit(reprice(fa_c, electricity_price=Q_(p, "USD/kWh")),
                                    reprice(dc_c, electricity_price=Q_(p, "USD/kWh"), capex_scale=s))
            srows.append([f"{p:.4g}", f"{s:g}", f"{ret.npv.to('USD').m / 1e6:.2f}",
                          C.fmt(_years(ret.discounted_payback), spec=".2f") if ret.pays_back else "never (6 y)"])
            head[f"npv_musd_d2c_{_key(sites[0])}_price_{p:g}_capex_{s:g}"] = float(ret.npv.to("USD").m) / 1e6
    r.table(["electricity [USD/kWh]", "retrofit capex x", "NPV [M USD]", "discounted payback [y]"], srows,
            f"At {sites[0]}: electricity price and retrofit capex (annual energy from the TMY3 year)")

    r.section("FINDINGS")
    ks = [_key(s) for s in sites]
    best = max(ks, key=lambda k: head[f"energy_saving_mwh_per_year_{k}"])
    worst = min(ks, key=lambda k: head[f"energy_saving_mwh_per_year_{k}"])
    r.bullets([
        f"The retrofit saves {min(head[f'energy_saving_mwh_per_year_{k}'] for k in ks):,.0f}-"
        f"{max(head[f'energy_saving_mwh_per_year_{k}'] for k in ks):,.0f} MWh a year on a 4.08 MW hall; most at "
        f"{best.replace('_', '-')} (humid: the air hall's chiller runs longest), least at {worst.replace('_', '-')}. "
        "Much of the saving is server-fan power (IT power), which PUE alone hides.",
        "Water falls with the heat the towers must reject: the retrofit removes most server-fan and CRAH-fan "
        "heat and the chiller's compressor heat from the towers' load.",
        f"At the Virginia price the {head['incremental_capex_musd_d2c']:.2f} M USD retrofit has a simple payback of "
        + ", ".join(f"{head[f'simple_payback_years_d2c_{k}']:.1f} y ({k.replace('_', '-')})" for k in ks)
        + "; discounted at 8 % it pays back within the 6-year server life at "
        + (", ".join(k.replace("_", "-") for k in ks if head[f"pays_back_within_6_years_d2c_{k}"]) or "no site")
        + ". The annual (not design-day) energy basis makes the case weaker than docs/economics.md's "
          "design-point estimate.",
        "The answer turns on the electricity price and the retrofit capex far more than on the climate.",
    ])

    r.section("LIMITATIONS")
    r.bullets([
        "One electricity and water price for every site: local tariffs (and demand charges) will move the "
        "payback more than the climate does.",
        "Retrofit unit costs (cold plates 400 USD per GPU, CDUs 150 USD/kW, manifolds, QDs) are assumptions; "
        "no downtime for the retrofit works themselves is charged.",
        "Full load all year; the warm-water loop has no chiller, so the most humid hours are counted as "
        "infeasible (the column 'd2c infeasible h') rather than cooled.",
        "The existing plant is reused as is; no credit is taken for chillers that could be retired.",
    ])
    r.close()
    return head


if __name__ == "__main__":
    main(fast=C.parse_fast())
