"""Tests of coolsim.heat_balance: sensible heat ↔ flow for air and coolants."""

import numpy as np
import pytest
from hypothesis import given

from coolsim import Q_, coolants
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.heat_balance import (
    air_delta_t_from_volumetric_flow,
    air_heat_from_volumetric_flow,
    air_volumetric_flow_for_heat,
    coolant_delta_t_from_volumetric_flow,
    coolant_heat_from_volumetric_flow,
    coolant_volumetric_flow_for_heat,
    delta_t_from_mass_flow,
    heat_from_mass_flow,
    mass_flow_for_heat,
    volumetric_flow_for_heat,
)

from strategies import delta_t_k, delta_t_q, floats, power_q, power_w, temperature_q

WATER = coolants.water()
PG25 = coolants.propylene_glycol(0.25)


# --- validation (tests/data/SOURCES.md, R04-R07) ---------------------------------
def test_air_volumetric_flow_for_heat_sensible_heat_rule():
    # R04: 1 kW at a 20 °F rise in standard air is ~158 CFM (the 3.16 W per CFM·°F
    # rule); conventions for "standard air" give 154-158 CFM, hence ±3 %.
    flow = air_volumetric_flow_for_heat(Q_(1, "kW"), Q_(20, "delta_degF"), Q_(20, "degC"))
    assert flow.to("cfm").magnitude == pytest.approx(158.0, rel=0.03)


def test_volumetric_flow_for_heat_dgx_server():
    # R05: 10.2 kW, 20 K, ρ 1.2 kg/m³, cp 1006 J/(kg·K) -> 0.4225 m³/s = 895 CFM;
    # an identity, so ±0.5 % only covers the rounding of the published figures.
    flow = volumetric_flow_for_heat(Q_(10.2, "kW"), Q_(20, "K"), Q_(1.2, "kg/m**3"), Q_(1006, "J/(kg*K)"))
    assert flow.to("m**3/s").magnitude == pytest.approx(0.4225, rel=0.005)
    assert flow.to("cfm").magnitude == pytest.approx(895.0, rel=0.005)


def test_mass_flow_for_heat_water_rule():
    # R06: 100 kW at 10 K in water -> 2.390 kg/s (cp 4184) and 37.9 US gpm; ±0.5 %
    # covers the water density/cp at 15-25 °C.
    m = mass_flow_for_heat(Q_(100, "kW"), Q_(10, "K"), Q_(4184, "J/(kg*K)"))
    assert m.to("kg/s").magnitude == pytest.approx(2.390, rel=0.005)
    v = coolant_volumetric_flow_for_heat(Q_(100, "kW"), Q_(10, "K"), WATER, Q_(20, "degC"))
    assert v.to("gpm").magnitude == pytest.approx(37.9, rel=0.005)


def test_coolant_delta_t_ocp_cold_plate_guidance():
    # R07: 1000 W at 1.5 L/min of PG25 at 35 °C -> 9.98 K (water 9.63 K); ±1 %
    # allows for differences between glycol property sources.
    dt = coolant_delta_t_from_volumetric_flow(Q_(1000, "W"), Q_(1.5, "L/min"), PG25, Q_(35, "degC"))
    assert dt.to("K").magnitude == pytest.approx(9.98, rel=0.01)
    dt_w = coolant_delta_t_from_volumetric_flow(Q_(1000, "W"), Q_(1.5, "L/min"), WATER, Q_(35, "degC"))
    assert dt_w.to("K").magnitude == pytest.approx(9.63, rel=0.01)


def test_altitude_needs_more_airflow():
    # Thinner air at Golden, CO (1829 m, ~81 kPa) needs ~1/0.80 the volumetric flow.
    sea = air_volumetric_flow_for_heat(Q_(10, "kW"), Q_(10, "K"), Q_(25, "degC"))
    high = air_volumetric_flow_for_heat(Q_(10, "kW"), Q_(10, "K"), Q_(25, "degC"), Q_(81.2, "kPa"))
    assert (high / sea).to("").magnitude == pytest.approx(101.325 / 81.2, rel=1e-9)


# --- properties ---------------------------------------------------------------------
@given(q=power_w, dt=delta_t_k)
def test_mass_flow_round_trip(q, dt):
    m = mass_flow_for_heat(Q_(q, "W"), Q_(dt, "K"), Q_(4184, "J/(kg*K)"))
    assert heat_from_mass_flow(m, Q_(dt, "K"), Q_(4184, "J/(kg*K)")).to("W").magnitude == pytest.approx(q, rel=1e-12)
    assert delta_t_from_mass_flow(Q_(q, "W"), m, Q_(4184, "J/(kg*K)")).to("K").magnitude == pytest.approx(dt, rel=1e-12)


@given(q=power_w, dt=delta_t_k, t=floats(283.15, 318.15))
def test_air_energy_balance_round_trip(q, dt, t):
    flow = air_volumetric_flow_for_heat(Q_(q, "W"), Q_(dt, "K"), Q_(t, "K"), humidity_ratio=0.008)
    back = air_heat_from_volumetric_flow(flow, Q_(dt, "K"), Q_(t, "K"), humidity_ratio=0.008)
    assert back.to("W").magnitude == pytest.approx(q, rel=1e-12)
    assert air_delta_t_from_volumetric_flow(Q_(q, "W"), flow, Q_(t, "K"), humidity_ratio=0.008).to("K").magnitude == \
        pytest.approx(dt, rel=1e-12)


@given(q=power_w, dt=delta_t_k, t=floats(288.15, 333.15))
def test_coolant_energy_balance_round_trip(q, dt, t):
    flow = coolant_volumetric_flow_for_heat(Q_(q, "W"), Q_(dt, "K"), PG25, Q_(t, "K"))
    back = coolant_heat_from_volumetric_flow(flow, Q_(dt, "K"), PG25, Q_(t, "K"))
    assert back.to("W").magnitude == pytest.approx(q, rel=1e-12)


@given(q=power_w.flatmap(lambda p: power_q(p).map(lambda qq: (p, qq))),
       dt=delta_t_k.flatmap(lambda d: delta_t_q(d).map(lambda qq: (d, qq))),
       t=floats(283.15, 318.15).flatmap(lambda x: temperature_q(x).map(lambda qq: (x, qq))))
def test_air_flow_unit_invariance(q, dt, t):
    si = air_volumetric_flow_for_heat(Q_(q[0], "W"), Q_(dt[0], "K"), Q_(t[0], "K")).to("m**3/s").magnitude
    ip = air_volumetric_flow_for_heat(q[1], dt[1], t[1]).to("m**3/s").magnitude
    assert ip == pytest.approx(si, rel=1e-9)


@given(q=power_w, dt=delta_t_k, factor=floats(1.01, 3.0))
def test_larger_rise_needs_less_flow(q, dt, factor):
    a = air_volumetric_flow_for_heat(Q_(q, "W"), Q_(dt, "K"), Q_(25, "degC"))
    b = air_volumetric_flow_for_heat(Q_(q, "W"), Q_(dt * factor, "K"), Q_(25, "degC"))
    assert b < a


@given(q=power_w, dt=delta_t_k)
def test_array_equals_elementwise(q, dt):
    temps = np.array([290.0, 300.0, 310.0])
    arr = coolant_volumetric_flow_for_heat(Q_(q, "W"), Q_(dt, "K"), WATER, Q_(temps, "K")).magnitude
    for i, t in enumerate(temps):
        assert arr[i] == coolant_volumetric_flow_for_heat(Q_(q, "W"), Q_(dt, "K"), WATER, Q_(t, "K")).magnitude


# --- bad input -----------------------------------------------------------------------
def test_degc_as_rise_is_refused():
    with pytest.raises(UnitError, match="delta_t.*delta_degC"):
        air_volumetric_flow_for_heat(Q_(10, "kW"), Q_(10, "degC"), Q_(25, "degC"))


def test_zero_rise_is_refused():
    with pytest.raises(OutOfRangeError, match="delta_t"):
        coolant_volumetric_flow_for_heat(Q_(10, "kW"), Q_(0, "K"), WATER, Q_(25, "degC"))


def test_negative_heat_is_refused():
    with pytest.raises(OutOfRangeError, match="heat"):
        mass_flow_for_heat(Q_(-1, "kW"), Q_(10, "K"), Q_(4184, "J/(kg*K)"))


def test_glycol_below_freezing_is_refused():
    with pytest.raises(OutOfRangeError, match="temperature"):
        coolant_volumetric_flow_for_heat(Q_(10, "kW"), Q_(10, "K"), PG25, Q_(-20, "degC"))


def test_wrong_dimension_is_refused():
    with pytest.raises(UnitError, match="flow"):
        air_heat_from_volumetric_flow(Q_(1, "kg/s"), Q_(10, "K"), Q_(25, "degC"))


def test_nan_is_refused():
    with pytest.raises(OutOfRangeError, match="heat"):
        air_volumetric_flow_for_heat(Q_(float("nan"), "kW"), Q_(10, "K"), Q_(25, "degC"))
