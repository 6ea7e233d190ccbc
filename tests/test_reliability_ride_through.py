"""Tests of coolsim.reliability.ride_through: lumped transients after a cooling failure."""

import math

import CoolProp.CoolProp as CP
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.integrate import solve_ivp

from coolsim import Q_
from coolsim.coolants import MINERAL_OIL_PNF, NOVEC_649, propylene_glycol, water
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.reliability.ride_through import (
    CP_AIR,
    R_DRY_AIR,
    boil_off_rate,
    coolant_ride_through,
    device_ride_through,
    device_time_constant,
    lumped_time_to_limit,
    room_air_ride_through,
    room_air_ride_through_fans_on_ups,
    thermal_storage_for_ride_through,
    two_phase_ride_through,
)

from strategies import floats, power_q

PG25 = propylene_glycol(0.25)


def _time_to_limit_ode(rhs, t0, t_lim, t_max):
    """Oracle: integrate dT/dt = rhs(T) from t0 until T = t_lim (solve_ivp event, tight tolerances)."""
    def event(t, y):
        return y[0] - t_lim

    event.terminal = True
    sol = solve_ivp(lambda t, y: [rhs(y[0])], (0.0, t_max), [t0], events=event, rtol=1e-11, atol=1e-11,
                    method="DOP853")
    return sol.t_events[0][0]


# --- closed forms against numerical integration ---------------------------------------------
def test_room_air_ride_through_solve_ivp():
    # (p V cp / (R T) + C_s) dT/dt = P integrated by DOP853 to the limit: the closed form
    # must agree to 1e-7 relative (solver tolerance 1e-11; round-off and event location only).
    p, v, cs, power, t0, tl = 101325.0, 3000.0, 5.0e6, 1.0e6, 298.15, 305.15
    oracle = _time_to_limit_ode(lambda T: power / (p * v / (R_DRY_AIR * T) * CP_AIR + cs), t0, tl, 1e4)
    t = room_air_ride_through(Q_(power, "W"), Q_(v, "m**3"), Q_(t0, "K"), Q_(tl, "K"), Q_(cs, "J/K"))
    assert t.to("s").m == pytest.approx(oracle, rel=1e-7)


def test_coolant_ride_through_solve_ivp():
    # Mineral oil, m = rho(T0) V, cp(T) from coolsim's table: the Gauss-Legendre closed form
    # must match the integrated ODE to 1e-6 (the cp table is piecewise linear on 0.1 K, so
    # the 4-point rule is not exact; its error is ~1e-8 here).
    power, vol, t0, tl = 1.0e5, 1.0, 313.15, 338.15
    m = MINERAL_OIL_PNF.density_si(t0) * vol
    oracle = _time_to_limit_ode(lambda T: power / (m * MINERAL_OIL_PNF.specific_heat_si(T)), t0, tl, 1e5)
    t = coolant_ride_through(Q_(power, "W"), Q_(vol, "m**3"), MINERAL_OIL_PNF, Q_(t0, "K"), Q_(tl, "K"))
    assert t.to("s").m == pytest.approx(oracle, rel=1e-6)


def test_lumped_time_to_limit_solve_ivp():
    # C dT/dt = P - (T - Ts)/R: closed form vs DOP853, 1e-7 relative.
    power, c, r, ts, t0, tl = 700.0, 400.0, 0.1, 313.15, 338.15, 363.15
    oracle = _time_to_limit_ode(lambda T: (power - (T - ts) / r) / c, t0, tl, 1e4)
    t = lumped_time_to_limit(Q_(power, "W"), Q_(c, "J/K"), Q_(r, "K/W"), Q_(ts, "K"), Q_(t0, "K"), Q_(tl, "K"))
    assert t.to("s").m == pytest.approx(oracle, rel=1e-7)


# --- hand arithmetic and identities ---------------------------------------------------------
def test_room_air_ride_through_hall_hand():
    # 1 MW, 3,000 m^3, 25 -> 32 degC, air only:
    # p V cp / R = 101,325 * 3,000 * 1,006 / 287.042 = 1.06535e9 J/K;
    # ln(305.15 / 298.15) = 0.0232067; product 2.47231e7 J; / 1e6 W = 24.72 s.
    t = room_air_ride_through(Q_(1, "MW"), Q_(3000, "m**3"), Q_(25, "degC"), Q_(32, "degC"))
    assert t.to("s").m == pytest.approx(101325 * 3000 * 1006 / 287.042 * math.log(305.15 / 298.15) / 1e6, rel=1e-12)
    assert t.to("s").m == pytest.approx(24.72, abs=0.01)


def test_fans_on_ups_identities():
    # No water and no fan heat: the same as fans off (1e-12).  With water: the extra time
    # equals m_w * integral(cp) / P; checked with water properties from CoolProp at the
    # mean temperature (cp varies < 0.1 % over 12-29 degC; table vs CoolProp 1e-4): 1e-3.
    args = (Q_(3000, "m**3"), Q_(25, "degC"), Q_(32, "degC"))
    off = room_air_ride_through(Q_(1, "MW"), *args)
    same = room_air_ride_through_fans_on_ups(Q_(1, "MW"), Q_(0, "kW"), *args, Q_(0, "m**3"), Q_(12, "degC"),
                                             Q_(3, "K"))
    assert same.to("s").m == pytest.approx(off.to("s").m, rel=1e-12)
    on = room_air_ride_through_fans_on_ups(Q_(1, "MW"), Q_(50, "kW"), *args, Q_(50, "m**3"), Q_(12, "degC"),
                                           Q_(3, "K"))
    rho = CP.PropsSI("D", "T", 285.15, "P", 101325, "Water")
    cp = CP.PropsSI("C", "T", 0.5 * (285.15 + 302.15), "P", 101325, "Water")
    expected = (off.to("s").m * 1e6 + 50 * rho * cp * 17.0) / 1.05e6
    assert on.to("s").m == pytest.approx(expected, rel=1e-3)


def test_two_phase_ride_through_hand():
    # Novec 649 saturated bath, 0.2 m^3 headspace, 100 kW: 12.78 kg/m^3 * 0.2 m^3 *
    # 88,000 J/kg / 1e5 W = 2.24928 s.  With 5 K subcooling of 800 kg add
    # 800 * cp(46.5 degC) * 5 / 1e5 s.  Round-off only: 1e-12.
    t = two_phase_ride_through(Q_(100, "kW"), NOVEC_649, Q_(800, "kg"), Q_(0.2, "m**3"))
    assert t.to("s").m == pytest.approx(12.78 * 0.2 * 88000 / 1e5, rel=1e-12)
    t5 = two_phase_ride_through(Q_(100, "kW"), NOVEC_649, Q_(800, "kg"), Q_(0.2, "m**3"), Q_(5, "K"))
    cp = NOVEC_649.specific_heat_si(NOVEC_649.boiling_point - 2.5)
    assert t5.to("s").m == pytest.approx(12.78 * 0.2 * 88000 / 1e5 + 800 * cp * 5 / 1e5, rel=1e-12)


def test_boil_off_rate_hand():
    # 88 kW / 88 kJ/kg = 1 kg/s.
    assert boil_off_rate(Q_(88, "kW"), NOVEC_649).to("kg/s").m == pytest.approx(1.0, rel=1e-12)


def test_device_ride_through_hand():
    # 400 J/K * 25 K / 700 W = 14.2857 s; tau = 400 J/K * 0.02 K/W = 8 s.
    assert device_ride_through(Q_(700, "W"), Q_(65, "degC"), Q_(90, "degC")).to("s").m == pytest.approx(
        400 * 25 / 700, rel=1e-12)
    assert device_time_constant(Q_(400, "J/K"), Q_(0.02, "K/W")).to("s").m == pytest.approx(8.0, rel=1e-12)


def test_lumped_time_to_limit_limits():
    # R -> infinity tends to the adiabatic time (R = 1e6 K/W: relative gap ~ dT/(2 P R) ~ 2e-8);
    # a steady temperature below the limit is never reached (inf).
    adiabatic = device_ride_through(Q_(700, "W"), Q_(65, "degC"), Q_(90, "degC")).to("s").m
    t = lumped_time_to_limit(Q_(700, "W"), Q_(400, "J/K"), Q_(1e6, "K/W"), Q_(40, "degC"), Q_(65, "degC"),
                             Q_(90, "degC"))
    assert t.to("s").m == pytest.approx(adiabatic, rel=1e-6)
    never = lumped_time_to_limit(Q_(700, "W"), Q_(400, "J/K"), Q_(0.03, "K/W"), Q_(40, "degC"), Q_(50, "degC"),
                                 Q_(90, "degC"))
    assert np.isinf(never.to("s").m)


def test_thermal_storage_coolprop():
    # 1 MW for 10 min = 6e8 J = 166.67 kWh; V = E / (rho cp dT) with CoolProp water at
    # 17 degC: table interpolation vs CoolProp within 1e-4, so 1e-3.
    e, v = thermal_storage_for_ride_through(Q_(1, "MW"), Q_(10, "minute"), Q_(10, "K"), Q_(12, "degC"))
    assert e.to("kWh").m == pytest.approx(6e8 / 3.6e6, rel=1e-12)
    rho = CP.PropsSI("D", "T", 290.15, "P", 101325, "Water")
    cp = CP.PropsSI("C", "T", 290.15, "P", 101325, "Water")
    assert v.to("m**3").m == pytest.approx(6e8 / (rho * cp * 10), rel=1e-3)
    e2, v2 = thermal_storage_for_ride_through(Q_(1, "MW"), Q_(10, "minute"), Q_(10, "K"), Q_(12, "degC"), 0.8)
    assert v2.to("m**3").m == pytest.approx(v.to("m**3").m / 0.8, rel=1e-12)


# --- properties ------------------------------------------------------------------------------
power_w = floats(1e3, 1e7)
vol_m3 = floats(1.0, 2e4)
rise_k = floats(0.5, 15.0)


@given(p=power_w, v=vol_m3, cs=floats(0.0, 1e9), extra=floats(0.0, 1e9), dv=floats(0.0, 1e4), rise=rise_k)
def test_more_thermal_mass_never_shortens_room_ride_through(p, v, cs, extra, dv, rise):
    base = room_air_ride_through.si(p, v, 298.15, 298.15 + rise, cs)
    assert room_air_ride_through.si(p, v, 298.15, 298.15 + rise, cs + extra) >= base
    assert room_air_ride_through.si(p, v + dv, 298.15, 298.15 + rise, cs) >= base


@given(p=power_w, v=floats(1e-3, 100.0), dv=floats(0.0, 100.0), rise=rise_k)
def test_more_coolant_never_shortens_ride_through(p, v, dv, rise):
    a = coolant_ride_through.si(p, v, PG25, 303.15, 303.15 + rise)
    assert coolant_ride_through.si(p, v + dv, PG25, 303.15, 303.15 + rise) >= a


@given(p=power_w, k=floats(1.0001, 10.0), v=vol_m3, rise=rise_k)
def test_ride_through_decreases_with_load(p, k, v, rise):
    assert room_air_ride_through.si(p * k, v, 298.15, 298.15 + rise) < room_air_ride_through.si(p, v, 298.15,
                                                                                                298.15 + rise)
    assert coolant_ride_through.si(p * k, 1.0, water(), 293.15, 293.15 + rise) < coolant_ride_through.si(
        p, 1.0, water(), 293.15, 293.15 + rise)
    assert device_ride_through.si(p * k, 333.15, 333.15 + rise) < device_ride_through.si(p, 333.15, 333.15 + rise)


@given(st.lists(st.tuples(power_w, vol_m3, rise_k), min_size=1, max_size=8))
def test_array_equals_elementwise(rows):
    p, v, r = (np.array(c) for c in zip(*rows))
    room = room_air_ride_through(Q_(p, "W"), Q_(v, "m**3"), Q_(298.15, "K"), Q_(298.15 + r, "K")).to("s").m
    oil = coolant_ride_through(Q_(p, "W"), Q_(v * 1e-3, "m**3"), MINERAL_OIL_PNF, Q_(313.15, "K"),
                               Q_(313.15 + r, "K")).to("s").m
    for i in range(len(rows)):
        assert room[i] == pytest.approx(room_air_ride_through.si(p[i], v[i], 298.15, 298.15 + r[i]), rel=1e-14)
        assert oil[i] == pytest.approx(coolant_ride_through.si(p[i], v[i] * 1e-3, MINERAL_OIL_PNF, 313.15,
                                                               313.15 + r[i]), rel=1e-14)


@given(p=floats(1e3, 1e7), data=st.data())
def test_unit_invariance(p, data):
    q = data.draw(power_q(p))
    a = coolant_ride_through(Q_(p, "W"), Q_(1, "m**3"), PG25, Q_(30, "degC"), Q_(40, "degC")).to("s").m
    b = coolant_ride_through(q, Q_(264.172052, "gallon"), PG25, Q_(86, "degF"), Q_(104, "degF")).to("s").m
    assert a == pytest.approx(b, rel=1e-8)


# --- bad inputs ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: device_time_constant(Q_(0, "kJ/K"), Q_(1, "K/W")), "heat_capacity"),
        (lambda: room_air_ride_through(Q_(1, "MW"), Q_(float("nan"), "m**3"), Q_(25, "degC"), Q_(32, "degC")),
         "air_volume"),
        (lambda: room_air_ride_through(Q_(1, "MW"), Q_(100, "m**3"), Q_(32, "degC"), Q_(25, "degC")),
         "limit_temperature"),
        (lambda: room_air_ride_through_fans_on_ups(Q_(1, "MW"), Q_(50, "kW"), Q_(100, "m**3"), Q_(25, "degC"),
                                                   Q_(32, "degC"), Q_(5, "m**3"), Q_(30, "degC"), Q_(3, "K")),
         "chilled_water_temperature"),
        (lambda: coolant_ride_through(Q_(1, "kW"), Q_(1, "L"), PG25, Q_(-30, "degC"), Q_(20, "degC")),
         "initial_temperature"),
        (lambda: coolant_ride_through(Q_(1, "kW"), Q_(-1, "L"), PG25, Q_(20, "degC"), Q_(30, "degC")), "volume"),
        (lambda: two_phase_ride_through(Q_(1, "kW"), NOVEC_649, Q_(100, "kg"), Q_(0.1, "m**3"), Q_(200, "K")),
         "subcooling"),
        (lambda: device_ride_through(Q_(0, "W"), Q_(60, "degC"), Q_(90, "degC")), "power"),
        (lambda: thermal_storage_for_ride_through(Q_(1, "MW"), Q_(10, "minute"), Q_(10, "K"), Q_(12, "degC"), 0.0),
         "usable_fraction"),
        (lambda: thermal_storage_for_ride_through(Q_(1, "MW"), Q_(-1, "minute"), Q_(10, "K"), Q_(12, "degC")),
         "duration"),
    ],
)
def test_bad_input_out_of_range(call, name):
    with pytest.raises(OutOfRangeError, match=name):
        call()


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: two_phase_ride_through(Q_(1, "kW"), NOVEC_649, Q_(1, "kg"), Q_(0.1, "m**3"), Q_(5, "degC")),
         "subcooling"),
        (lambda: device_time_constant(Q_(1, "kW/K"), Q_(1, "K/W")), "heat_capacity"),
        (lambda: room_air_ride_through(1e6, Q_(100, "m**3"), Q_(25, "degC"), Q_(32, "degC")), "it_power"),
        (lambda: coolant_ride_through(Q_(1, "kW"), Q_(1, "L"), "water", Q_(20, "degC"), Q_(30, "degC")), "coolant"),
        (lambda: two_phase_ride_through(Q_(1, "kW"), MINERAL_OIL_PNF, Q_(1, "kg"), Q_(0.1, "m**3")), "fluid"),
        (lambda: boil_off_rate(Q_(1, "kW"), water()), "fluid"),
        (lambda: device_ride_through(Q_(700, "W"), Q_(10, "K"), Q_(90, "delta_degC")), "limit_temperature"),
    ],
)
def test_bad_units_and_types(call, name):
    with pytest.raises(UnitError, match=name):
        call()
