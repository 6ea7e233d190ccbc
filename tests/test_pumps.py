"""Tests of coolsim.pumps: head ↔ pressure, pump curves in head, the power chain, IE3 motors."""

import numpy as np
import pytest
from hypothesis import given

from coolsim import Q_
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.pumps import (
    STANDARD_GRAVITY,
    PumpCurve,
    curve_shaft_power,
    electrical_power,
    fluid_power,
    head_from_pressure,
    hydraulic_power_from_head,
    ie3_motor_efficiency,
    operating_point,
    pressure_from_head,
    pump_curve_from_head_points,
    shaft_power,
)

from strategies import floats, pressure_pa, volumetric_flow_m3s


# --------------------------------------------------------------------------- validation
def test_electrical_power_R14():
    # R14 (validation-cases.md): 1800 L/min = 0.03 m³/s at 250 kPa -> 7.50 kW hydraulic;
    # /0.75 /0.94 -> 10.638 kW electric, printed 10.64 (rounded to 10 W) -> abs 5 W.
    q, p = Q_(1800, "L/min"), Q_(250, "kPa")
    assert fluid_power(q, p).m_as("kW") == pytest.approx(7.50, rel=1e-12)
    assert shaft_power(q, p, 0.75).m_as("kW") == pytest.approx(10.0, rel=1e-12)
    assert electrical_power(q, p, 0.75, 0.94).m_as("W") == pytest.approx(10640, abs=5)
    # a drive in series divides once more (definition; exact)
    assert electrical_power(q, p, 0.75, 0.94, 0.97).m == pytest.approx(7500 / (0.75 * 0.94 * 0.97), rel=1e-12)


@pytest.mark.parametrize(
    "kw, poles, eta_percent",
    # IEC 60034-30-1:2014 Table (IE3, 50 Hz), as in EU Regulation 2019/1781 Annex I Table 2.
    [(0.75, 4, 82.5), (1.5, 4, 85.3), (7.5, 4, 90.4), (11, 4, 91.4), (55, 4, 94.6), (110, 4, 95.4),
     (200, 4, 96.0), (500, 4, 96.0), (7.5, 2, 90.1), (7.5, 6, 89.1), (500, 2, 95.8)],
)
def test_ie3_motor_efficiency_iec_60034_30_1(kw, poles, eta_percent):
    # The standard's interpolation reproduces its own table to the printed 0.1 %: tolerance 0.06 points.
    assert 100 * ie3_motor_efficiency(Q_(kw, "kW"), poles) == pytest.approx(eta_percent, abs=0.06)


def test_head_from_pressure_fluids():
    # fluids.core.head_from_P is an independent implementation of H = p/(ρ g); same g -> 1e-12.
    from fluids.core import head_from_P

    p = np.geomspace(1.0, 1e6, 25)
    rho = np.linspace(700.0, 1300.0, 25)
    h = head_from_pressure(Q_(p, "Pa"), Q_(rho, "kg/m**3")).m
    np.testing.assert_allclose(h, [head_from_P(pi, ri) for pi, ri in zip(p, rho)], rtol=1e-12)


def test_pump_operating_point_textbook_quadratic():
    # Pump H = 40 − 0.00002·Q_lpm² m on a system H = 10 + 0.00001·Q_lpm² m (water, ρ g cancels):
    # 30 = 0.00003·Q² -> Q = 1000 L/min, H = 20 m.  Analytic, closed-form solver -> 1e-10.
    qs = Q_(np.array([0.0, 500.0, 1000.0, 1200.0]), "L/min")
    heads = Q_(40 - 2e-5 * qs.m**2, "m")
    rho = Q_(998.2, "kg/m**3")
    curve = pump_curve_from_head_points(qs, heads, rho)
    p_st = pressure_from_head(Q_(10, "m"), rho)
    p_d = pressure_from_head(Q_(10 + 1e-5 * 1000**2, "m"), rho)
    q, p = operating_point(curve, p_st, Q_(1000, "L/min"), p_d)
    assert q.m_as("L/min") == pytest.approx(1000.0, rel=1e-10)
    assert head_from_pressure(p, rho).m_as("m") == pytest.approx(20.0, rel=1e-10)


# --------------------------------------------------------------------------- properties
@given(floats(-100.0, 1000.0), floats(600.0, 1400.0))
def test_head_pressure_round_trip(head, rho):
    p = pressure_from_head(Q_(head, "m"), Q_(rho, "kg/m**3"))
    assert head_from_pressure(p, Q_(rho, "kg/m**3")).m == pytest.approx(head, rel=1e-12, abs=1e-12)


@given(volumetric_flow_m3s, floats(0.0, 500.0), floats(600.0, 1400.0))
def test_hydraulic_power_equals_fluid_power(q, head, rho):
    # ρ g Q H == Q · (ρ g H), two routes through the module (round-off only)
    a = hydraulic_power_from_head(Q_(q, "m**3/s"), Q_(head, "m"), Q_(rho, "kg/m**3")).m
    b = fluid_power(Q_(q, "m**3/s"), Q_(rho * STANDARD_GRAVITY * head, "Pa")).m
    assert a == pytest.approx(b, rel=1e-12)


@given(volumetric_flow_m3s, pressure_pa, floats(0.3, 1.0), floats(0.5, 1.0), floats(0.5, 1.0))
def test_power_chain_ordering(q, p, eta, eta_m, eta_d):
    # fluid <= shaft <= electrical (each efficiency <= 1), and the product identity
    wf = fluid_power(Q_(q, "m**3/s"), Q_(p, "Pa")).m
    ws = shaft_power(Q_(q, "m**3/s"), Q_(p, "Pa"), eta).m
    we = electrical_power(Q_(q, "m**3/s"), Q_(p, "Pa"), eta, eta_m, eta_d).m
    assert wf <= ws <= we * (1 + 1e-15)
    assert we * eta * eta_m * eta_d == pytest.approx(wf, rel=1e-12)


@given(volumetric_flow_m3s, pressure_pa, floats(0.3, 1.0))
def test_shaft_power_unit_invariance(q, p, eta):
    si = shaft_power(Q_(q, "m**3/s"), Q_(p, "Pa"), eta).m
    ip = shaft_power(Q_(q * 15850.32314, "gpm"), Q_(p * 1.450377377e-4, "psi"), eta).m_as("W")
    assert ip == pytest.approx(si, rel=1e-8)  # conversion factors to 10 digits


@given(floats(0.75, 1000.0))
def test_ie3_efficiency_rises_with_size(kw):
    # IE3 minimum efficiency never falls with rated power, to within 0.05 points: the
    # interpolation ends at 96.002 % at 200 kW and the table's constant 96.0 % follows
    # (a step below the table's 0.1 % resolution).
    bigger = Q_(min(kw * 1.1, 1000.0), "kW")
    assert ie3_motor_efficiency(bigger) >= ie3_motor_efficiency(Q_(kw, "kW")) - 5e-4


def test_curve_shaft_power_with_bep():
    # On the curve: P = Q Δp / η; with η = η* at q* (definition) -> exact.
    c = PumpCurve((300e3, 0.0, -300e3 / 0.05**2)).with_bep_efficiency(0.8, Q_(0.03, "m**3/s"))
    w = curve_shaft_power(c, Q_(0.03, "m**3/s")).m
    assert w == pytest.approx(0.03 * (300e3 - 300e3 / 0.05**2 * 0.03**2) / 0.8, rel=1e-12)


# --------------------------------------------------------------------------- bad inputs
def _raises(err, name, func, *args):
    with pytest.raises(err) as info:
        func(*args)
    assert name in str(info.value)


def test_bad_inputs():
    q, p = Q_(1800, "L/min"), Q_(250, "kPa")
    _raises(OutOfRangeError, "flow", fluid_power, Q_(-1, "L/min"), p)
    _raises(OutOfRangeError, "motor_efficiency", electrical_power, q, p, 0.75, 1.01)
    _raises(OutOfRangeError, "drive_efficiency", electrical_power, q, p, 0.75, 0.94, 0.0)
    _raises(OutOfRangeError, "efficiency", shaft_power, q, p, float("nan"))
    _raises(UnitError, "pressure", fluid_power, q, Q_(25, "m"))  # head where pressure is meant
    _raises(UnitError, "head", pressure_from_head, Q_(25, "kPa"), Q_(1000, "kg/m**3"))
    _raises(OutOfRangeError, "density", head_from_pressure, p, Q_(0, "kg/m**3"))
    _raises(OutOfRangeError, "rated_power", ie3_motor_efficiency, Q_(0.5, "kW"))
    _raises(OutOfRangeError, "poles", ie3_motor_efficiency, Q_(7.5, "kW"), 8)
    _raises(OutOfRangeError, "efficiencies", pump_curve_from_head_points, Q_([0, 1, 2], "L/s"),
            Q_([30, 25, 10], "m"), Q_(1000, "kg/m**3"), 2, [0.5, 1.5, 0.5])
    # zero efficiency at shut-off makes shaft power undefined there
    c = PumpCurve((300e3, 0.0, -1.2e8)).with_bep_efficiency(0.8, Q_(0.03, "m**3/s"))
    _raises(OutOfRangeError, "flow", curve_shaft_power, c, Q_(0, "m**3/s"))
