"""Case study f: two-phase immersion fluids after the PFAS exit.

Critical-heat-flux margin, GPU junction temperature, condenser water, annual energy and
vapour loss for 3M Novec 649 and Novec 7100 in the reference hall
(``cases/f_two_phase_fluids.toml``), and the bar a successor fluid must clear.

No successor fluid is defined: a datasheet with every property the model needs (latent
heat, surface tension, liquid and vapour density, viscosity, conductivity, specific heat)
was not found for a marketed successor (Chemours Opteon 2P50 is reported by secondary
sources to boil at ~49 degC with a GWP of ~10, but its full datasheet was not available).
The study therefore compares the two 3M fluids and states the properties a successor needs.

Run: ``python cases/f_two_phase_fluids.py [--fast]``
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402

from coolsim import Q_  # noqa: E402
from coolsim.annual import run_year  # noqa: E402
from coolsim.boiling import critical_heat_flux_zuber  # noqa: E402
from coolsim.cases import load_case  # noqa: E402
from coolsim.coolants import NOVEC_649, NOVEC_7100  # noqa: E402
from coolsim.it_equipment import ITLoad  # noqa: E402
from coolsim.reliability import lid_opening_vapour_loss  # noqa: E402
from coolsim.weather import load_climate  # noqa: E402

# ---------------------------------------------------------------------------- inputs
CASE_FILE = C.CASES / "f_two_phase_fluids.toml"
FLUIDS = {"novec_649": NOVEC_649, "novec_7100": NOVEC_7100}
INPUTS = {
    "Novec 649 boiling point": C.Input(Q_(49, "degC"), "3M Novec 649 product information, typical properties"),
    "Novec 649 latent heat": C.Input(Q_(88, "kJ/kg"), "3M Novec 649 product information"),
    "Novec 649 GWP": C.Input(1, "3M Novec 649 product information"),
    "Novec 7100 boiling point": C.Input(Q_(61, "degC"), "3M Novec 7100 product information"),
    "Novec 7100 latent heat": C.Input(Q_(112, "kJ/kg"), "3M Novec 7100 product information"),
    "Novec 7100 GWP": C.Input(297, "3M Novec 7100 product information"),
    "boiling area per GPU": C.Input(Q_(100, "cm**2"), "coolsim default: boiling-enhancement spreader (assumption)"),
    "junction resistance": C.Input(Q_(0.02, "K/W"), "0.015 junction-case + 0.005 case-surface (coolsim assumptions)"),
    "vapour loss": C.Input(Q_(0.01, "kg/hour"), "per tank, seals and lid openings (coolsim assumption)"),
    "lid headspace": C.Input(Q_(0.2, "m**3"), "per tank, half the saturated headspace lost per opening (assumption, "
                             "as coolsim.reliability.repair)"),
    "fluid price": C.Input(Q_(80, "USD/L"), "coolsim.economics default (assumption; no list price found)"),
    "weather year": C.Input("sterling-va TMY3", "NREL TMY3"),
}
REQUIRED_MARGIN = 1.5  # a CHF design margin (assumption; margins of 1.5-2 are common practice)
GPU_POWERS = (700.0, 1000.0)  # H100 SXM, B200 (primer: SPEC / 2ND)
AREAS_FULL = (60.0, 100.0, 150.0)
AREAS_FAST = (100.0,)
PRICE = Q_(80.0, "USD/L")


def _with(chain, **changes):
    return dataclasses.replace(chain, capture=dataclasses.replace(chain.capture, **changes))


def main(fast: bool = False) -> dict:
    """Run the study, print the report and return the headline numbers."""
    case = load_case(CASE_FILE)
    base = case.architectures["novec_649"]
    weather = load_climate("sterling-va")
    r = C.Report("Case study f - two-phase immersion fluids after the PFAS exit")

    r.section("QUESTION")
    r.text("3M has left PFAS manufacture, Novec 649 and Novec 7100 included. How do the two fluids compare in a "
           "two-phase tank - critical-heat-flux margin, GPU junction temperature, condenser water temperature, "
           "energy and water, vapour loss - and what must a successor fluid offer for 700-1,000 W GPUs?")

    r.section("SYSTEM AND ASSUMPTIONS")
    r.inputs(INPUTS)
    r.text(f"Case file: {CASE_FILE.relative_to(C.ROOT)} (Novec 649); Novec 7100 is substituted in Python because a "
           "case file cannot name a two-phase fluid at present. CHF: Zuber with K = pi/24 on a plain surface "
           "(coolsim.boiling); wall superheat: Rohsenow; junction = T_sat + superheat + P (R_cs + R_jc). "
           "No successor fluid is modelled: no complete datasheet (h_fg, sigma, rho_l, rho_v, mu, k, cp) of a "
           "marketed successor was found, so the study states the bar instead.")

    head, rows = {}, []
    results = {}
    for key, fluid in FLUIDS.items():
        chain = dataclasses.replace(_with(base, fluid=fluid), name=key)
        res = chain.run(case.it_load, case.site)
        year = run_year(chain, case.it_load, weather, design_site=case.site)
        d = res.capture.details
        tanks = int(d["tank_count"][0])
        rho_l = fluid.density_si(fluid.boiling_point)
        loss_kg = float(d["vapour_loss_per_year"][0])
        lid = lid_opening_vapour_loss(Q_(0.2, "m**3"), Q_(fluid.vapour_density_si, "kg/m**3"),
                                      Q_(rho_l, "kg/m**3"), 0.5)
        tj = float(res.capture.max_device_temperature) - 273.15
        results[key] = res
        head[f"chf_w_per_cm2_{key}"] = float(d["critical_heat_flux"][0]) / 1e4
        head[f"chf_margin_{key}"] = float(d["chf_margin"][0])
        head[f"junction_degc_{key}"] = tj
        head[f"condenser_water_degc_{key}"] = fluid.boiling_point - 12.0 - 273.15
        head[f"annual_pue_{key}"] = year.pue
        head[f"annual_water_m3_{key}"] = float(year.water_use.to("m**3").m)
        head[f"vapour_loss_kg_per_year_{key}"] = loss_kg
        head[f"vapour_loss_tco2e_per_year_{key}"] = loss_kg * fluid.gwp / 1e3
        head[f"topup_musd_per_year_{key}"] = float((Q_(loss_kg / rho_l, "m**3") * PRICE).to("USD").m) / 1e6
        head[f"lid_opening_loss_l_{key}"] = float(lid.to("L").m)
        rows.append([fluid.name, f"{fluid.boiling_point - 273.15:.0f}", f"{fluid.latent_heat_si / 1e3:.0f}",
                     f"{head[f'chf_w_per_cm2_{key}']:.1f}", f"{head[f'chf_margin_{key}']:.2f}",
                     f"{float(d['wall_superheat'][0]):.1f}", f"{tj:.1f}", f"{head[f'condenser_water_degc_{key}']:.0f}",
                     "yes" if res.feasibility.all else "NO"])
        head[f"tanks_{key}"] = float(tanks)

    r.section("RESULTS")
    r.table(["fluid", "T_sat [degC]", "h_fg [kJ/kg]", "CHF [W/cm2]", "CHF margin (700 W)", "superheat [K]",
             "GPU junction [degC]", "condenser water [degC]", "feasible"], rows,
            "Design day, 700 W H100 GPUs on 100 cm2 boiling surfaces")
    yrows = [[FLUIDS[k].name, f"{head[f'annual_pue_{k}']:.4f}", f"{head[f'annual_water_m3_{k}']:,.0f}",
              f"{head[f'vapour_loss_kg_per_year_{k}'] / 1e3:,.1f}", f"{head[f'vapour_loss_tco2e_per_year_{k}']:,.1f}",
              f"{head[f'topup_musd_per_year_{k}']:.2f}", f"{head[f'lid_opening_loss_l_{k}']:.2f}"] for k in FLUIDS]
    r.table(["fluid", "annual PUE", "water [m3/y]", "vapour loss [t/y]", "as CO2e [t/y]", "top-up [M USD/y]",
             "loss per lid opening [L]"], yrows, f"Year at Sterling, VA; {int(head['tanks_novec_649'])} tanks")

    r.section("SENSITIVITY")
    srows, superheat = [], {}
    for p_gpu, server in zip(GPU_POWERS, ("dgx-h100", "dgx-b200")):
        hall = ITLoad(server, racks=case.it_load.racks, servers_per_rack=4)
        for area in (AREAS_FAST if fast else AREAS_FULL):
            for key, fluid in FLUIDS.items():
                res = _with(base, fluid=fluid, boiling_area_per_gpu=Q_(area, "cm**2")).run(hall, case.site)
                d = res.capture.details
                tj = float(res.capture.max_device_temperature) - 273.15
                srows.append([f"{p_gpu:g}", f"{area:g}", fluid.name, f"{float(d['chf_margin'][0]):.2f}",
                              f"{tj:.1f}" if tj == tj else "no nucleate state",
                              "; ".join(res.feasibility.reasons_anywhere()) or "yes"])
                head[f"chf_margin_{key}_{p_gpu:g}w_{area:g}cm2"] = float(d["chf_margin"][0])
                if key == "novec_649" and area == 100.0:
                    superheat[p_gpu] = float(d["wall_superheat"][0])
    r.table(["GPU [W]", "area [cm2]", "fluid", "CHF margin", "GPU junction [degC]", "feasible (or why not)"], srows,
            "GPU power and boiling area")
    # the bar a successor must clear
    g = 9.80665
    need = {}
    for p_gpu in GPU_POWERS:
        q_req = REQUIRED_MARGIN * p_gpu / 100e-4  # W/m2 over 100 cm2
        need[p_gpu] = q_req
        head[f"required_chf_w_per_cm2_{p_gpu:g}w"] = q_req / 1e4
    bp_max = {p_gpu: 85.0 - p_gpu * 0.02 - superheat[p_gpu] for p_gpu in GPU_POWERS}
    for p_gpu in GPU_POWERS:
        head[f"max_boiling_point_degc_{p_gpu:g}w"] = bp_max[p_gpu]
    fom = {k: float(critical_heat_flux_zuber(Q_(f.surface_tension_si(f.boiling_point), "N/m"),
                                             Q_(f.latent_heat_si, "J/kg"),
                                             Q_(f.density_si(f.boiling_point), "kg/m**3"),
                                             Q_(f.vapour_density_si, "kg/m**3")).to("W/cm**2").m)
           for k, f in FLUIDS.items()}
    r.text(f"Bar for a successor on a plain 100 cm2 surface with a {REQUIRED_MARGIN:g}x CHF margin: Zuber CHF "
           f">= {need[700.0] / 1e4:.1f} W/cm2 for 700 W GPUs and >= {need[1000.0] / 1e4:.1f} W/cm2 for 1,000 W "
           f"(Novec 649: {fom['novec_649']:.1f}, Novec 7100: {fom['novec_7100']:.1f} W/cm2). Zuber's CHF scales as "
           f"h_fg rho_v^0.5 [sigma g (rho_l - rho_v)]^0.25 (g = {g} m/s2), so a successor needs a latent heat and "
           "vapour density at least those of Novec 649, and - for the junction - a boiling point no higher than "
           f"about 85 - P x 0.02 K/W - superheat: ~{bp_max[700.0]:.0f} degC at 700 W, ~{bp_max[1000.0]:.0f} degC at "
           "1,000 W with these surfaces (superheat of Novec 649 on 100 cm2).")

    r.section("FINDINGS")
    r.bullets([
        f"Both fluids clear the critical heat flux of a 700 W GPU on 100 cm2 (margins {head['chf_margin_novec_649']:.2f} "
        f"and {head['chf_margin_novec_7100']:.2f}); Novec 7100's higher latent heat gives it the larger margin.",
        f"The junction decides: Novec 7100 boils 12 K hotter, so its GPUs reach {head['junction_degc_novec_7100']:.1f} "
        f"degC (limit 85) against {head['junction_degc_novec_649']:.1f} degC with Novec 649.",
        f"Its hotter condenser water ({head['condenser_water_degc_novec_7100']:.0f} vs "
        f"{head['condenser_water_degc_novec_649']:.0f} degC) wets the dry coolers' pads less often: annual water "
        f"{head['annual_water_m3_novec_7100']:,.0f} vs {head['annual_water_m3_novec_649']:,.0f} m3 at Sterling; "
        "annual PUE is practically the same.",
        f"At the same assumed mass loss, Novec 7100's GWP of 297 turns {head['vapour_loss_kg_per_year_novec_7100'] / 1e3:.0f} "
        f"t of vapour a year into {head['vapour_loss_tco2e_per_year_novec_7100']:,.0f} t CO2e, against "
        f"{head['vapour_loss_tco2e_per_year_novec_649']:,.0f} t for Novec 649; the top-up costs "
        f"~{head['topup_musd_per_year_novec_649']:.1f} M USD a year at 80 USD/L for either.",
        f"At 1,000 W per GPU a 100 cm2 surface leaves CHF margins of {head['chf_margin_novec_649_1000w_100cm2']:.2f} "
        f"(Novec 649) and {head['chf_margin_novec_7100_1000w_100cm2']:.2f} (Novec 7100), below a {REQUIRED_MARGIN:g}x "
        "design margin for Novec 649, and the junction passes 85 degC: larger or enhanced (microporous) boiling "
        "surfaces and a boiling point below ~47 degC are what B200-class parts need from a successor.",
    ])

    r.section("LIMITATIONS")
    r.bullets([
        "No successor fluid is modelled (no complete datasheet found); the 'bar' is derived from Zuber's "
        "correlation and this model's resistances.",
        "Plain-surface Zuber CHF (the conservative constant) and Rohsenow with an assumed C_sf; real boiling "
        "spreaders are characterised by measurement.",
        "The vapour loss rate is the same assumed mass per tank for both fluids; real losses depend on vapour "
        "pressure, seals and service practice.",
        "Fluid prices are assumptions; with 3M's exit, availability, not price, may decide.",
    ])
    r.close()
    return head


if __name__ == "__main__":
    main(fast=C.parse_fast())
