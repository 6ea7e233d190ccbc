"""Tests of forced-air capture: air classes, containment air path, cooling units, AirSide, ForcedAir."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.capture.air import (
    AIR_CLASSES,
    AirSide,
    CoolingUnit,
    ForcedAir,
    air_class,
    class_compliance,
    containment_air_path,
    rack_cooling_index,
    return_temperature_index,
    supply_heat_index,
)
from coolsim.errors import CoolsimError, OutOfRangeError, UnitError
from coolsim.fans import operating_point_with_mask
from coolsim.it_equipment import ITLoad
from coolsim.site import design_site

from tests.strategies import delta_t_q, floats, temperature_q

CFM = 0.3048**3 / 60.0  # m³/s per cfm
SITE = design_site("sterling-va").si
HALL = ITLoad("dgx-h100", racks=500)  # 2,000 servers, 4 per rack

shares = floats(0.0, 0.6)
heats = floats(1.0e3, 5.0e7)
rises = floats(3.0, 25.0)


# --------------------------------------------------------------------------- validation
def test_containment_air_path_R04():
    # R04: 1 kW at a 20 °F rise in standard air -> 158 cfm; ±3 % spans the 154-158 cfm conventions
    v_it, v_cu, *_ = containment_air_path(Q_(1, "kW"), Q_(20, "delta_degF"), Q_(20, "degC"), 0.0, 0.0)
    assert v_it.to("cfm").m == pytest.approx(158.0, rel=0.03)
    assert v_cu.m == pytest.approx(v_it.m, rel=1e-12)  # no bypass, no recirculation: units move the IT air


def test_air_side_R04_through_room_path():
    # R04 again through AirSide: the units' airflow for 1 kW at 20 °F with b = r = 0 at 24 °C supply,
    # 10 °C dew point, site pressure (moist-air density 1.18 kg/m³ instead of 1.2): within the same ±3 %
    side = AirSide(bypass=0.0, recirculation=0.0)
    rho, cp = side.air_properties_si(SITE)
    v_it = 1000.0 / (rho * cp * 20.0 / 1.8)
    res = side.evaluate_si(1000.0, v_it, SITE)
    assert res.cooling_airflow / CFM == pytest.approx(158.0, rel=0.03)
    assert res.it_delta_t == pytest.approx(20.0 / 1.8, rel=1e-12)


def test_containment_air_path_R05():
    # R05: 10.2 kW, 20 K, rho 1.2, cp 1006 -> 0.4225 m³/s = 895 cfm, ±0.5 % (value printed to 3-4 digits)
    v_it, *_ = containment_air_path(Q_(10.2, "kW"), Q_(20, "K"), Q_(24, "degC"), 0.0, 0.0,
                                    Q_(1.2, "kg/m**3"), Q_(1006, "J/(kg*K)"))
    assert v_it.m == pytest.approx(0.4225, rel=0.005)
    assert v_it.to("cfm").m == pytest.approx(895.0, rel=0.005)


@pytest.mark.parametrize("name,rec,allow,dew", [
    ("A1", (18, 27), (15, 32), 17), ("A2", (18, 27), (10, 35), 21), ("A3", (18, 27), (5, 40), 24),
    ("A4", (18, 27), (5, 45), 24), ("H1", (18, 22), (5, 25), 17),
])
def test_air_class_ashrae_2021(name, rec, allow, dew):
    # ASHRAE TC 9.9 (2021) table as in the domain primer (H1 2ND grade); exact to rounding of the K offset
    c = air_class(name).si
    got = [c[k] - 273.15 for k in ("recommended_min", "recommended_max", "allowable_min", "allowable_max", "max_dew_point")]
    assert got == pytest.approx([*rec, *allow, dew], abs=1e-9)
    assert c["recommended_max_dew_point"] - 273.15 == pytest.approx(15.0, abs=1e-9)


def test_class_compliance_masks():
    rec, allow = class_compliance(Q_([17, 24, 30, 33], "degC"), "A1")
    assert rec.tolist() == [False, True, False, False]
    assert allow.tolist() == [True, True, True, False]
    rec, allow = class_compliance(Q_(24, "degC"), AIR_CLASSES["A1"], dew_point=Q_(18, "degC"))
    assert not rec and not allow  # dew point above 15 (recommended) and 17 °C (A1 allowable)


def test_rack_cooling_index_herrlin_2005():
    # Herrlin (2005) definition, hand-computed for A1 (rec max 27, all max 32; rec min 18, all min 15):
    # intakes 26, 28, 30, 16 °C: over-temps 0, 1, 3 over a 5 K band -> RCI_HI = 100 (1 - 4/20) = 80 %;
    # under-temp 2 over a 3 K band -> RCI_LO = 100 (1 - 2/12) = 83.33 %.  Exact arithmetic: 1e-9.
    hi, lo = rack_cooling_index(Q_([26, 28, 30, 16], "degC"), "A1", axis=0)
    assert hi == pytest.approx(80.0, abs=1e-9)
    assert lo == pytest.approx(100.0 * (1 - 2 / 12), abs=1e-9)


# --------------------------------------------------------------------------- identities
def test_mixing_balance_and_metric_identities():
    b, r, q, dt = 0.1, 0.08, 2.0e5, 12.0
    v_it, v_cu, t_in, t_ex, t_ret = (x.m for x in containment_air_path(
        Q_(q, "W"), Q_(dt, "K"), Q_(22, "degC"), b, r))
    ts = 295.15
    assert 1.2 * 1006.0 * v_cu * (t_ret - ts) == pytest.approx(q, rel=1e-12)  # energy balance
    assert t_in - ts == pytest.approx(r / (1 - r) * dt, rel=1e-12)
    rti = return_temperature_index(Q_(ts, "K"), Q_(t_ret, "K"), Q_(dt, "K"))
    assert rti == pytest.approx(100 * v_it / v_cu, rel=1e-12)
    assert rti == pytest.approx(100 * (1 - b) / (1 - r), rel=1e-12)
    assert supply_heat_index(Q_(ts, "K"), Q_(t_in, "K"), Q_(t_ex, "K")) == pytest.approx(r, rel=1e-12)


def test_fan_speed_matches_operating_point():
    # the closed-form speed must put the fan curve and the system curve through the wanted flow
    cu = CoolingUnit(static_pressure=Q_(50, "Pa"), system_exponent=1.9)
    q = np.array([2.0, 5.0, 9.0])
    s = cu.speed_ratio_si(q)
    flow, _, ok = operating_point_with_mask.si(cu.fan_curve, cu.si["static_pressure"], cu.si["rated_airflow"],
                                                cu.si["design_pressure"], 1.9, s)
    assert ok.all()
    assert flow == pytest.approx(q, rel=1e-9)
    assert cu.speed_ratio_si(cu.si["rated_airflow"]) == pytest.approx(1.0, rel=1e-12)


def test_hall_sound_power_adds_10_log_n():
    res = AirSide(units_installed=12).evaluate_si(1.0e6, 70.0, SITE)
    unit = res.details["unit_sound_power_level"][0]
    assert res.sound_power_level == pytest.approx(unit + 10 * math.log10(12), abs=1e-9)
    # at the speed ratio s the unit's level is its rated level + 50 log10 s (fan law)
    assert unit == pytest.approx(CoolingUnit().sound_power_level_rated + 50 * math.log10(res.speed_ratio), abs=1e-9)


def test_reference_hall_plausibility():
    # 2,000 DGX H100 at full load, Sterling VA: ~3.2 M cfm at a 20 °F rise (3.16 W·cfm/°F rule: 20.4 MW x 3.16 / 20);
    # cooling airflow in the millions, a row of 10 racks (40.8 kW each) in the tens of thousands; CRAH fans a few % of IT
    r = ForcedAir().capture_si(HALL, 1.0, SITE)
    assert 2.5e6 < r.it_airflow / CFM < 4.0e6
    assert 2.5e6 < r.cooling_airflow / CFM < 4.5e6
    assert 1.0e4 < 10 * r.it_airflow / 500 / CFM < 1.0e5
    assert 0.01 < r.air_mover_power / r.it_power < 0.08
    assert r.it_power == pytest.approx(20.4e6, rel=1e-12)  # inlet 24.2 °C < 27 °C knee: fans at reference
    assert r.feasibility.all and r.kind == "forced_air" and r.coolant_flow is None
    assert 75.0 < r.max_device_temperature - 273.15 < 87.0  # calibrated to ~82 °C at 25 °C inlet
    assert r.heat_to_air + r.heat_to_liquid == pytest.approx(r.it_power, rel=1e-15)
    assert sum(s.heat for s in r.streams) == pytest.approx(r.it_power + r.air_mover_power + r.pump_power, rel=1e-12)
    assert r.streams[0].supply_temperature < 297.15 - 3.0  # chilled water below supply air minus approach


def test_inlet_above_allowable_flags_without_clamping():
    side = AirSide(supply_temperature=Q_(26, "degC"), recirculation=0.4, air_class="H1")
    r = ForcedAir(air_side=side).capture_si(HALL, np.array([0.5, 1.0]), SITE)
    t_in = 299.15 + 0.4 / 0.6 * 20 / 1.8
    assert r.it_inlet_temperature == pytest.approx(t_in, rel=1e-12)  # not clamped
    assert not r.feasibility.feasible.any()
    reasons = r.feasibility.reasons_anywhere()
    assert any("allowable maximum" in x for x in reasons)
    assert any(x.startswith("advisory") for x in reasons)


def test_recommended_excursion_is_advisory_only():
    r = AirSide(supply_temperature=Q_(26.5, "degC"), recirculation=0.1).evaluate_si(1.0e6, 70.0, SITE)
    assert r.feasibility.all  # 27.9 °C: outside A1 recommended, inside allowable
    assert r.feasibility.reasons_anywhere() == ["advisory: IT inlet outside the class A1 recommended range"]


# --------------------------------------------------------------------------- properties
@given(heats, rises, shares, shares)
def test_air_path_conserves_energy(q, dt, b, r):
    v_it = q / (1.2 * 1006.0 * dt)
    res = AirSide(bypass=b, recirculation=r).evaluate_si(q, v_it, SITE)
    rho, cp = res.details["air_density"][0], res.details["air_specific_heat"][0]
    assert rho * cp * res.cooling_airflow * (res.return_temperature - res.supply_temperature) == pytest.approx(q, rel=1e-9)
    assert res.stream.heat == pytest.approx(q + res.fan_power, rel=1e-12)


@given(heats, rises, shares, shares, shares)
def test_more_recirculation_never_lowers_inlet(q, dt, b, r1, r2):
    lo, hi = sorted((r1, r2))
    v_it = q / (1.2 * 1006.0 * dt)
    t_lo = AirSide(bypass=b, recirculation=lo).evaluate_si(q, v_it, SITE).inlet_temperature
    t_hi = AirSide(bypass=b, recirculation=hi).evaluate_si(q, v_it, SITE).inlet_temperature
    assert t_hi >= t_lo


@given(heats, rises, shares, shares, shares)
def test_more_bypass_never_lowers_cooling_airflow(q, dt, r, b1, b2):
    lo, hi = sorted((b1, b2))
    v_it = q / (1.2 * 1006.0 * dt)
    v_lo = AirSide(bypass=lo, recirculation=r).evaluate_si(q, v_it, SITE).cooling_airflow
    v_hi = AirSide(bypass=hi, recirculation=r).evaluate_si(q, v_it, SITE).cooling_airflow
    assert v_hi >= v_lo


@given(floats(1.0e5, 2.0e7), floats(1.0e5, 2.0e7), rises)
def test_fan_power_non_decreasing_with_heat(q1, q2, dt):
    lo, hi = sorted((q1, q2))
    side = AirSide(units_installed=200)  # fixed installation: more heat, more flow per unit
    p = [side.evaluate_si(q, q / (1.2 * 1006.0 * dt), SITE).fan_power for q in (lo, hi)]
    assert p[1] >= p[0] * (1 - 1e-12)


@given(st.lists(floats(0.0, 1.0), min_size=1, max_size=6))
def test_array_result_equals_scalar_results(us):
    fa = ForcedAir()
    arr = fa.capture_si(HALL, np.array(us), SITE)
    for i, u in enumerate(us):
        one = fa.capture_si(HALL, u, SITE)
        for name in ("it_power", "server_fan_power", "cooling_airflow", "air_mover_power", "max_device_temperature",
                     "sound_power_level"):
            assert np.asarray(getattr(arr, name))[i] == pytest.approx(getattr(one, name), rel=1e-12)
        got = np.asarray(arr.streams[0].supply_temperature)[i]
        assert got == pytest.approx(one.streams[0].supply_temperature, rel=1e-12)


@given(st.data(), floats(288.15, 300.15), floats(5.0, 20.0))
def test_unit_invariance_ip_vs_si(data, ts, dt):
    si = ForcedAir(AirSide(supply_temperature=Q_(ts, "K"), room_dew_point=Q_(283.15, "K"),
                           cooling_unit=CoolingUnit(rated_airflow=Q_(9.0, "m**3/s"), design_pressure=Q_(400, "Pa"))),
                   it_delta_t=Q_(dt, "K"))
    ip = ForcedAir(AirSide(supply_temperature=data.draw(temperature_q(ts)), room_dew_point=Q_(50.0, "degF"),
                           cooling_unit=CoolingUnit(rated_airflow=Q_(9.0, "m**3/s").to("cfm"),
                                                    design_pressure=Q_(400, "Pa").to("inH2O"))),
                   it_delta_t=data.draw(delta_t_q(dt)))
    a, b = si.capture_si(HALL, 0.7, SITE), ip.capture_si(HALL, 0.7, SITE)
    for name in ("it_power", "cooling_airflow", "air_mover_power", "it_inlet_temperature", "max_device_temperature"):
        assert getattr(b, name) == pytest.approx(getattr(a, name), rel=1e-9)


# --------------------------------------------------------------------------- bad inputs
@pytest.mark.parametrize("kw,name", [
    ({"bypass": 1.0}, "bypass"), ({"bypass": -0.1}, "bypass"), ({"recirculation": 1.0}, "recirculation"),
    ({"bypass": float("nan")}, "bypass"), ({"units_installed": 0}, "units_installed"),
    ({"supply_temperature": Q_(float("nan"), "degC")}, "supply_temperature"),
])
def test_air_side_bad_inputs_raise_out_of_range(kw, name):
    with pytest.raises(OutOfRangeError, match=name):
        AirSide(**kw)


def test_supply_temperature_as_difference_raises_unit_error():
    with pytest.raises(UnitError, match="supply_temperature"):
        AirSide(supply_temperature=Q_(24, "delta_degC"))
    with pytest.raises(UnitError, match="it_delta_t"):
        ForcedAir(it_delta_t=Q_(11, "degC"))


@pytest.mark.parametrize("kw,name", [
    ({"rated_airflow": Q_(-100, "cfm")}, "rated_airflow"), ({"rated_airflow": Q_(0, "cfm")}, "rated_airflow"),
    ({"design_pressure": Q_(float("nan"), "Pa")}, "design_pressure"), ({"redundancy": -1}, "redundancy"),
    ({"motor_efficiency": 1.2}, "motor_efficiency"), ({"static_pressure": Q_(500, "Pa")}, "static_pressure"),
])
def test_cooling_unit_bad_inputs(kw, name):
    with pytest.raises(OutOfRangeError, match=name):
        CoolingUnit(**kw)


def test_rated_airflow_without_units_raises():
    with pytest.raises(UnitError, match="rated_airflow"):
        CoolingUnit(rated_airflow=20000)


def test_evaluate_bad_arrays_and_names():
    with pytest.raises(OutOfRangeError, match="heat_to_air"):
        AirSide().evaluate_si(np.array([1.0e5, np.nan]), 10.0, SITE)
    with pytest.raises(OutOfRangeError, match="it_airflow"):
        AirSide().evaluate_si(1.0e5, -1.0, SITE)
    with pytest.raises(OutOfRangeError, match="air_class"):
        AirSide(air_class="A5")
    with pytest.raises(CoolsimError, match="bypass"):
        containment_air_path(Q_(1, "kW"), Q_(10, "K"), Q_(24, "degC"), 1.5, 0.0)
    with pytest.raises(UnitError, match="heat"):
        containment_air_path(1000.0, Q_(10, "K"), Q_(24, "degC"))


def test_liquid_native_server_refused():
    with pytest.raises(OutOfRangeError, match="it_load"):
        ForcedAir().capture_si(ITLoad("gb200-nvl72", racks=1), 1.0, SITE)
