"""Tests of coolsim.annual: annual energy = sum of hourly energy, economizer hours against an
independent count from the weather, the reference-site claims, and properties."""

import dataclasses
import json
import pathlib
import re

import numpy as np
import pint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coolsim import Q_
from coolsim import architectures as A
from coolsim.annual import SUBSYSTEMS, AnnualResult, design_site_for, reference_results, reference_site_table, run_year
from coolsim.errors import OutOfRangeError
from coolsim.it_equipment import ITLoad, by_name
from coolsim.plant import HeatRejection, Plant
from coolsim.rejection import DryCooler
from coolsim.site import Site, design_site
from coolsim.weather import load_climate

HALL = ITLoad(by_name("dgx-h100"), racks=500, servers_per_rack=4)
SMALL = ITLoad(by_name("dgx-h100"), racks=10)
DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(scope="module")
def reference():
    return reference_results()


@pytest.fixture(scope="module")
def air_golden():
    return run_year(A.forced_air(), HALL, load_climate("golden-co"))


def test_annual_energy_equals_sum_of_hourly(air_golden):
    # the annual figures are sums of hourly powers x 3600 s; tolerance 1e-12 relative (summation order only)
    y = air_golden
    for key in SUBSYSTEMS:
        hourly = y.hourly_power(key).m_as("W")
        assert hourly.shape == (8760,)
        assert y.energy[key].m_as("J") == pytest.approx(np.sum(hourly) * 3600.0, rel=1e-12, abs=1e-6)
    fac = y.hourly_power("facility").m_as("W")
    assert y.facility_energy.m_as("J") == pytest.approx(np.sum(fac) * 3600.0, rel=1e-12)
    # monthly energies add up to the annual energy (1e-12: summation order)
    for key, monthly in y.monthly_energy.items():
        assert monthly.shape == (12,)
        assert np.sum(monthly.m_as("J")) == pytest.approx(y.energy[key].m_as("J"), rel=1e-12, abs=1e-6)
    # the facility energy is the sum of IT and the overhead subsystems (server fans are inside IT)
    parts = sum(y.energy[k].m_as("J") for k in SUBSYSTEMS if k != "server_fans")
    assert parts == pytest.approx(y.facility_energy.m_as("J"), rel=1e-12)


def test_annual_pue_is_energy_weighted(air_golden):
    from coolsim.metrics import energy_weighted_pue

    y = air_golden
    expected = energy_weighted_pue(y.hourly_power("facility"), y.hourly_power("it"))
    assert y.pue == pytest.approx(expected, rel=1e-12)  # same ratio of sums
    s = y.pue_spread
    assert s["min"] <= s["p50"] <= s["max"] and s["min"] <= y.pue <= s["max"]
    assert y.tue >= y.pue  # ITUE >= 1
    assert y.wue.to("L/kWh").m == pytest.approx(y.water_use.m_as("m**3") * 1e3 / y.it_energy.m_as("kWh"), rel=1e-12)


def test_hours_partition_the_year(reference):
    for r in reference.values():
        assert r.economizer_hours + r.partial_hours + r.mechanical_cooling_hours == r.hours == 8760


def test_economizer_hours_independent_count():
    # forced air: a tower-only chilled-water plant with a water-side economizer is free in the hours where
    # wet bulb + tower approach + plate-exchanger approach <= required chilled-water supply; counted here
    # from the weather arrays directly.  Exact (0 h tolerance): the same inequality on the same numbers.
    for site in ("sterling-va", "tampa-fl"):
        w = load_climate(site)
        y = run_year(A.forced_air(), HALL, w)
        ts = np.broadcast_to(y.hourly.capture.streams[0].supply_temperature, (8760,))
        wb = w.wet_bulb.m_as("K")
        count = int(np.sum(wb + A.TOWER_APPROACH.m_as("K") + 1.5 <= ts))
        assert y.economizer_hours == count
        assert 0 < count < 8760


def test_infeasible_hours_counted_not_clamped(reference):
    # direct-to-chip at Tampa: the chiller-less warm-water plant cannot make 32 degC water in the most humid
    # hours; those hours are counted with their reason, and they are exactly the hours where
    # wet bulb + 4 K + 1.5 K exceeds the facility-water supply the CDU needs.
    r = reference[("direct_to_chip", "tampa-fl")]
    assert r.infeasible_hours > 0
    (reason, n), = r.infeasible_reasons.items()
    assert "cannot reach the required supply" in reason and n == r.infeasible_hours
    ts = np.broadcast_to(r.hourly.capture.streams[1].supply_temperature, (8760,))
    wb = load_climate("tampa-fl").wet_bulb.m_as("K")
    assert r.infeasible_hours == int(np.sum(wb + 4.0 + 1.5 > ts))


def test_reference_claims(reference):
    pue = {k: r.pue for k, r in reference.items()}
    # forced air: a hot humid site costs more than a dry cool one
    assert pue[("forced_air", "tampa-fl")] > pue[("forced_air", "golden-co")]
    # warm-water direct-to-chip: no chiller for most of the year where the climate allows
    for site in ("golden-co", "san-francisco-ca", "chicago-il", "sterling-va"):
        assert reference[("direct_to_chip", site)].chiller_hours < 8760 / 2
    # its facility-water stream is chiller-less all year and free in >= 99 % of hours at every site
    for site in ("golden-co", "san-francisco-ca", "chicago-il", "sterling-va", "tampa-fl"):
        r = reference[("direct_to_chip", site)]
        free = [n for label, n in r.stream_economizer_hours.items() if "facility" in label or "CDU" in label]
        assert free and free[0] >= 0.99 * 8760
    # liquid architectures beat forced air everywhere
    for site in ("golden-co", "tampa-fl"):
        assert pue[("immersion_two_phase", site)] < pue[("direct_to_chip", site)] < pue[("forced_air", site)]


def test_two_phase_dry_cooler_uses_no_water_when_dry():
    # the dry-cooler plant wets its pads only when dry air cannot make the condenser water:
    # no water in hours where dry bulb + 5 K approach <= required supply (exact: same inequality)
    w = load_climate("golden-co")
    r = run_year(A.two_phase_immersion(), SMALL, w)
    stream = r.hourly.capture.streams[0]
    dry_ok = w.dry_bulb.m_as("K") + A.DRY_COOLER_APPROACH.m_as("K") <= np.broadcast_to(stream.supply_temperature, (8760,))
    water = np.broadcast_to(r.hourly.rejection.water_use, (8760,))
    assert dry_ok.sum() > 8000 and np.all(water[dry_ok] == 0.0)
    # without pads: a dry-cooler-only plant has WUE exactly zero
    bare = Plant(DryCooler(Q_(1, "MW"), A.DRY_COOLER_APPROACH), None, hx_approach=Q_(0, "K"))
    chain = dataclasses.replace(A.two_phase_immersion(), rejection=HeatRejection(A._chilled_water_plant(), bare))
    dry = run_year(chain, SMALL, w)
    assert dry.wue.m == 0.0 and dry.water_use.m == 0.0


def test_design_site_rules():
    assert design_site_for(load_climate("tampa-fl")).name == design_site("tampa-fl").name
    custom = Site("x", Q_(40, "degC"), Q_(28, "degC"))
    assert design_site_for(load_climate("tampa-fl"), custom) is custom
    assert design_site_for(load_climate("tampa-fl"), "golden-co").name == design_site("golden-co").name
    # a weather not built in: its ASHRAE 0.4 % design values
    w = dataclasses.replace(load_climate("golden-co"), name="somewhere")
    s = design_site_for(w)
    assert s.dry_bulb.m_as("K") == pytest.approx(w.cooling_design["dry_bulb_0.4"].m_as("K"))
    assert s.wet_bulb.m_as("K") == pytest.approx(w.cooling_design["wet_bulb_0.4"].m_as("K"))
    # no design conditions: the hottest dry bulb with the highest wet bulb
    bare = dataclasses.replace(w, cooling_design={})
    s = design_site_for(bare)
    assert s.si.dry_bulb == pytest.approx(np.max(w.dry_bulb.m_as("K")))
    assert s.si.wet_bulb == pytest.approx(np.max(w.wet_bulb.m_as("K")))


def test_to_json_and_table_rows(air_golden):
    assert isinstance(air_golden, AnnualResult)
    doc = air_golden.to_json()
    text = json.dumps(doc)
    for key in ("pue", "tue", "wue", "facility_energy", "it_energy", "water_use", "economizer_hours",
                "mechanical_cooling_hours", "infeasible_hours"):
        assert key in doc
    back = json.loads(text)
    ureg = pint.UnitRegistry()  # stock pint parses every unit string
    for key in ("facility_energy", "it_energy", "water_use", "wue"):
        q = ureg.Quantity(back[key]["magnitude"], back[key]["units"])
        assert q.to_base_units().magnitude == pytest.approx(back[key]["magnitude"])
    assert ureg.Quantity(1, back["facility_energy"]["units"]).dimensionality == ureg.joule.dimensionality
    assert isinstance(doc["pue"], float) and isinstance(doc["economizer_hours"], int)
    rows = air_golden.table_rows()
    assert all(isinstance(a, str) and isinstance(b, str) for a, b in rows)
    assert any(label.startswith("annual PUE") for label, _ in rows)


def test_utilisation_array_and_bad_input():
    w = load_climate("golden-co")
    u = np.full(8760, 0.5)
    half = run_year(A.forced_air(), SMALL, w, u)
    same = run_year(A.forced_air(), SMALL, w, 0.5)
    assert half.pue == pytest.approx(same.pue, rel=1e-12)
    with pytest.raises(OutOfRangeError, match="utilisation"):
        run_year(A.forced_air(), SMALL, w, np.full(10, 0.5))
    with pytest.raises(OutOfRangeError, match="utilisation"):
        run_year(A.forced_air(), SMALL, w, 1.5)
    with pytest.raises(OutOfRangeError, match="chain"):
        run_year("forced_air", SMALL, w)
    with pytest.raises(OutOfRangeError, match="design_site"):
        run_year(A.forced_air(), SMALL, w, design_site=3.0)
    with pytest.raises(OutOfRangeError, match="subsystem"):
        half.hourly_power("cooling")


def test_annual_results_doc_is_current(reference):
    text = (DOCS / "annual_results.md").read_text()
    block = re.search(r"<!-- BEGIN GENERATED ANNUAL -->\n(.*)<!-- END GENERATED ANNUAL -->", text, re.S)
    assert block is not None
    assert block.group(1).strip() == reference_site_table(reference).strip(), (
        "docs/annual_results.md is out of date: regenerate with python -m coolsim.annual"
    )


_W = load_climate("sterling-va")


def _shifted(offset):
    return dataclasses.replace(_W, dry_bulb=_W.dry_bulb + Q_(offset, "K"), wet_bulb=_W.wet_bulb + Q_(offset, "K"))


@settings(max_examples=15)
@given(st.floats(0.1, 8.0))
def test_hotter_weather_never_lowers_chiller_energy(offset):
    # same plant (same design site: the weather keeps its built-in name), every hour hotter by `offset`
    base = run_year(A.forced_air(), SMALL, _W)
    hot = run_year(A.forced_air(), SMALL, _shifted(offset))
    assert hot.design_site.name == base.design_site.name
    assert hot.energy["chillers"].m >= base.energy["chillers"].m * (1 - 1e-12)
    assert hot.mechanical_cooling_hours >= base.mechanical_cooling_hours


@settings(max_examples=15)
@given(st.floats(30.0, 42.0), st.floats(0.1, 4.0))
def test_warmer_allowed_supply_never_lowers_economizer_hours(t_supply, rise):
    def year(t):
        chain = A.direct_to_chip()
        chain = dataclasses.replace(chain, capture=dataclasses.replace(chain.capture,
                                                                       tcs_supply_temperature=Q_(t, "degC")))
        return run_year(chain, SMALL, _W)

    lo, hi = year(t_supply), year(t_supply + rise)
    assert hi.economizer_hours >= lo.economizer_hours
    assert list(hi.stream_economizer_hours.values())[1] >= list(lo.stream_economizer_hours.values())[1]


def test_sweep_aggregates_equal_annual_si_bitwise(air_golden):
    # The sweep's lean aggregation computes its keys exactly as annual_si does (tolerance 0: same operations).
    from coolsim.annual import _sweep_si, annual_si

    full, lean = annual_si(air_golden.hourly, air_golden.weather.month), _sweep_si(air_golden.hourly)
    for key in ("water", "pue", "tue", "wue", "economizer_hours", "mechanical_hours", "infeasible_hours"):
        assert np.asarray(lean[key]).tobytes() == np.asarray(full[key]).tobytes(), key
    for key in ("facility", "it", "compute"):
        assert np.asarray(lean["energy"][key]).tobytes() == np.asarray(full["energy"][key]).tobytes(), key
