"""Tests of coolsim.economics.costs: energy, water and downtime costs, prices, capex/opex per architecture."""

import numpy as np
import pytest
from hypothesis import given

from coolsim import Q_
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.economics.costs import (
    Prices,
    UnitCosts,
    architecture_costs,
    default_prices,
    design_point_annual_energy,
    energy_cost,
    lost_revenue,
    reprice,
    time_of_use_prices,
    tou_energy_cost,
    water_cost,
)
from coolsim.economics.finance import YEAR_S
from tests.strategies import floats


@pytest.fixture(scope="module")
def reference():
    from coolsim.cases import REFERENCE_CASE, load_case

    case = load_case(REFERENCE_CASE)
    return case, case.run()


# ---------------------------------------------------------------- hand-computed
def test_energy_cost_hand():
    # 20 MW x 8,760 h = 175,200 MWh; x 89.2 USD/MWh = 15,627,840 USD (exact arithmetic, rel 1e-12)
    e = design_point_annual_energy(Q_(20, "MW"))
    assert e.m_as("MWh") == pytest.approx(175_200, rel=1e-12)
    assert energy_cost(e, Q_(0.0892, "USD/kWh")).m_as("USD") == pytest.approx(15_627_840, rel=1e-12)


@pytest.mark.parametrize("price", [Q_(0.0892, "USD/kWh"), Q_(8.92, "cent/kWh"), Q_(89.2, "USD/MWh"),
                                   Q_(0.0892 / 3.6e6, "USD/J")])
def test_energy_cost_same_in_any_price_unit(price):
    # tolerance 1e-12 relative: only unit conversions differ
    assert energy_cost(Q_(1000, "kWh"), price).m_as("USD") == pytest.approx(89.2, rel=1e-12)


def test_tou_hand_and_flat_equivalence():
    # 1 MWh at 50 + 1 MWh at 150 USD/MWh = 200 USD
    assert tou_energy_cost(Q_([1, 1], "MWh"), Q_([50, 150], "USD/MWh")).m_as("USD") == pytest.approx(200.0)
    # a flat hourly tariff equals the flat price on the annual total (rel 1e-12)
    hourly = Q_(np.full(8760, 2.0), "MWh")
    flat = tou_energy_cost(hourly, Q_(np.full(8760, 0.0892), "USD/kWh")).m
    assert flat == pytest.approx(energy_cost(Q_(2.0 * 8760, "MWh"), Q_(0.0892, "USD/kWh")).m, rel=1e-12)


def test_time_of_use_prices_mean():
    # 8 peak hours at 0.15 and 16 at 0.06: mean = (8*0.15 + 16*0.06)/24 = 0.09 USD/kWh (exact)
    p = time_of_use_prices(Q_(0.15, "USD/kWh"), Q_(0.06, "USD/kWh"))
    assert p.shape == (8760,)
    assert float(p.mean().m_as("USD/kWh")) == pytest.approx(0.09, rel=1e-12)


def test_water_and_lost_revenue_hand():
    # 1,000 gal x 5.30 USD per 1,000 gal = 5.30 USD
    assert water_cost(Q_(1000, "gal"), Q_(5.3e-3, "USD/gal")).m_as("USD") == pytest.approx(5.30, rel=1e-12)
    # 10 server-hours x 8 GPUs x 4 USD/GPU-hour = 320 USD
    assert lost_revenue(Q_(10, "hour"), 8, Q_(4, "USD/hour")).m_as("USD") == pytest.approx(320.0, rel=1e-12)


def test_reference_architecture_costs(reference):
    case, results = reference
    air = architecture_costs(case.architectures["forced_air"], results["forced_air"], case.it_load)
    d2c = architecture_costs(case.architectures["direct_to_chip"], results["direct_to_chip"], case.it_load)
    two = architecture_costs(case.architectures["immersion_two_phase"], results["immersion_two_phase"], case.it_load)
    # servers: 2,000 x 250,000 = 500 M USD (exact)
    assert air.capex["servers"] == pytest.approx(500e6, rel=1e-12)
    # energy = facility power x 8,760 h x 0.0892 USD/kWh (the documented design-point basis)
    fp = results["forced_air"].facility_power.m_as("kW")
    assert air.opex["energy"] == pytest.approx(fp * 8760 * 0.0892, rel=1e-12)
    # cold plates: 16,000 GPUs x 400 USD x 1.25 installation = 8.0 M USD; none in air
    assert d2c.capex["cold_plates"] == pytest.approx(8.0e6, rel=1e-12) and air.capex["cold_plates"] == 0
    # d2c keeps a chilled-water plant for its residual ~20 % air load (heat 2.5 vs 23.7 MW)
    assert air.capex["chiller"] > 5 * d2c.capex["chiller"] > 0
    # two-phase fill: 200 m3 x 80 USD/L = 16 M USD; vapour losses make its fluid opex the largest
    assert two.capex["fluid_fill"] == pytest.approx(16e6, rel=1e-9)
    assert two.opex["fluid"] > max(air.opex["fluid"], d2c.opex["fluid"])
    assert 0.999 < air.availability < 1.0
    assert air.annual_opex == pytest.approx(sum(air.opex.values()), rel=1e-12)


def test_reprice_and_hourly_energy(reference):
    case, results = reference
    chain, res = case.architectures["forced_air"], results["forced_air"]
    base = architecture_costs(chain, res, case.it_load)
    # doubling the price doubles the energy cost (rel 1e-12)
    dbl = reprice(base, Q_(2 * 0.0892, "USD/kWh"))
    assert dbl.opex["energy"] == pytest.approx(2 * base.opex["energy"], rel=1e-12)
    # hourly energies with a flat hourly price give the annual-total answer
    hourly = Q_(np.full(8760, res.facility_power.m_as("kW")), "kWh")
    tou = architecture_costs(chain, res, case.it_load, annual_energy=hourly,
                             hourly_price=Q_(np.full(8760, 0.0892), "USD/kWh"))
    assert tou.opex["energy"] == pytest.approx(base.opex["energy"], rel=1e-9)
    # downtime given per year in hours or seconds: same lost revenue
    a = architecture_costs(chain, res, case.it_load, server_downtime=Q_(100, "hour"))
    b = architecture_costs(chain, res, case.it_load, server_downtime=Q_(360000, "s"))
    assert a.lost_revenue == pytest.approx(b.lost_revenue, rel=1e-12) == pytest.approx(100 * 8 * 4, rel=1e-12)


# ---------------------------------------------------------------- properties
@given(e=floats(0.01, 0.5), w=floats(0.0, 0.01), g=floats(0.5, 10.0), lab=floats(10.0, 300.0))
def test_total_cost_is_the_sum_of_its_parts(reference, e, w, g, lab):
    case, results = reference
    prices = Prices(electricity=Q_(e, "USD/kWh"), water=Q_(w, "USD/gal"), gpu_hour=Q_(g, "USD/hour"),
                    labour=Q_(lab, "USD/hour"))
    c = architecture_costs(case.architectures["immersion_single_phase"], results["immersion_single_phase"],
                           case.it_load, prices)
    assert c.total_capex == pytest.approx(c.capex["servers"] + c.capex["facility"] + c.cooling_capex, rel=1e-12)
    assert c.annual_opex == pytest.approx(sum(c.opex.values()), rel=1e-12)
    assert c.opex["energy"] == pytest.approx(c.annual_energy * e / 3.6e6, rel=1e-12)


# ---------------------------------------------------------------- bad inputs
def test_bad_prices():
    with pytest.raises(OutOfRangeError, match="'electricity'"):
        Prices(electricity=Q_(-0.01, "USD/kWh"))
    with pytest.raises(UnitError, match="'electricity'"):
        Prices(electricity=Q_(0.08, "USD"))
    with pytest.raises(UnitError, match="'water'"):
        Prices(water=Q_(2, "USD/kWh"))
    with pytest.raises(OutOfRangeError, match="'installation_factor'"):
        UnitCosts(installation_factor=0.5)
    with pytest.raises(OutOfRangeError, match="'price'"):
        energy_cost(Q_(1, "kWh"), Q_(-1, "USD/kWh"))


def test_currency_where_energy_is_expected():
    with pytest.raises(UnitError, match="'energy'"):
        energy_cost(Q_(100, "USD"), Q_(0.08, "USD/kWh"))
    with pytest.raises(UnitError, match="'server_downtime'"):
        lost_revenue(Q_(10, "USD"), 8, Q_(4, "USD/hour"))


def test_bad_architecture_inputs(reference):
    case, results = reference
    chain, res = case.architectures["forced_air"], results["forced_air"]
    with pytest.raises(UnitError, match="'annual_energy'"):
        architecture_costs(chain, res, case.it_load, annual_energy=Q_(1e6, "USD"))
    with pytest.raises(OutOfRangeError, match="'annual_energy'"):
        architecture_costs(chain, res, case.it_load, hourly_price=Q_(np.ones(3), "USD/kWh"))
    with pytest.raises(OutOfRangeError, match="'peak_start'"):
        time_of_use_prices(Q_(1, "USD/kWh"), Q_(1, "USD/kWh"), 20, 10)


def test_defaults_documented():
    p = default_prices()
    assert p.si["electricity"] * 3.6e6 == pytest.approx(0.0892)
    assert p.si["gpu_hour"] * 3600 == pytest.approx(4.0)
    assert p.si["spares"] == 0.0 and YEAR_S > 0
