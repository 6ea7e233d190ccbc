"""Tests of coolsim.capture.direct_to_chip (sources: tests/data/sources/capture_direct_to_chip.md)."""

import re
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given

from coolsim import Q_
from coolsim.capture.base import Circuit, HeatStream
from coolsim.capture.cold_plate import ColdPlate
from coolsim.capture.direct_to_chip import CDU, LIQUID_CLASSES, DirectToChip, liquid_class_for_supply, size_cdu
from coolsim.coolants import water
from coolsim.errors import InfeasibleError, OutOfRangeError, UnitError
from coolsim.feasibility import Feasibility
from coolsim.heat_exchangers import PLATE, ntu_from_effectiveness
from coolsim.it_equipment import ITLoad
from coolsim.site import design_site
from strategies import floats

LPM = 1e-3 / 60
SITE = design_site("sterling-va").si
HALL = ITLoad("dgx-h100", racks=500)  # the reference hall: 2,000 DGX-H100-class servers, 4 per rack


class StandInAirSide:
    """Minimal air path with the AirSide.evaluate_si signature: fixed 24 degC inlet, fans 3 % of the heat."""

    def evaluate_si(self, heat_to_air, it_airflow, site):
        heat = np.asarray(heat_to_air, dtype=float)
        t_in = 297.15 + 0.0 * heat
        fan = 0.03 * heat
        return SimpleNamespace(
            inlet_temperature=t_in, return_temperature=t_in + 12.0, cooling_airflow=1.05 * np.asarray(it_airflow),
            fan_power=fan, sound_power_level=80.0 + 0.0 * heat,
            stream=HeatStream(heat + fan, 291.15, 298.15, "chilled water to CRAH coils"),
            feasibility=Feasibility.ok(np.shape(heat)), details={})


AIR = StandInAirSide()
DTC = DirectToChip(air_side=AIR)


def _total(r):
    return sum(np.asarray(s.heat) for s in r.streams)


# --------------------------------------------------------------------------- validation
def test_size_cdu_r21():
    # R21: 1 MW, TCS 42 -> 32 degC, facility 28 degC in, 8 K rise; tolerance 0.5 % (R21)
    eps, ntu, ua, app = size_cdu(Q_(1, "MW"), Q_(42, "degC"), Q_(32, "degC"), Q_(28, "degC"), Q_(36, "degC"))
    assert eps == pytest.approx(0.714, rel=5e-3)
    assert ntu == pytest.approx(2.03, rel=5e-3)
    assert ua.to("kW/K").m == pytest.approx(203, rel=5e-3)
    assert app.m == pytest.approx(4.0, rel=5e-3)


@pytest.mark.parametrize("coolant, dt", [(None, 9.98), (water(), 9.63)])
def test_tcs_flow_ocp_r07(coolant, dt):
    # R07: 1.5 L/min per kW gives a 9.98 K rise in PG25 at 35 degC (9.63 K in water).  Supply chosen so the
    # mean loop temperature, where properties are taken, is 35 degC.  Tolerance 1 % (R07).
    d = DirectToChip(air_side=AIR, coolant=coolant, tcs_supply_temperature=Q_(35 - dt / 2, "degC"),
                     tcs_delta_t=Q_(dt, "K"))
    r = d.capture_si(HALL, 1.0, SITE)
    assert r.details["flow_per_kw"][0] / LPM == pytest.approx(1.5, rel=0.01)


def test_flow_per_kw_ocp_reference_hall():
    # OCP guidance: 1.5 L/min per kW at <= 10 K (range 1.25-2.0).  Default design (PG25, 36 -> 46 degC) on the
    # reference hall: within 2 % of 1.5 (PG25's rho*cp at 41 degC differs from 35 degC by < 1 %).
    r = DTC.capture_si(HALL, 1.0, SITE)
    per_kw = r.details["flow_per_kw"][0] / LPM
    assert per_kw == pytest.approx(1.5, rel=0.02)
    assert r.coolant_flow / LPM == pytest.approx(per_kw * r.heat_to_liquid / 1e3, rel=1e-12)
    rack = r.details["flow_per_rack"][0] / LPM
    assert rack == pytest.approx(per_kw * 4 * 6.3, rel=1e-9)  # 4 servers x 6.3 kW of plated chips


def test_reference_design_values():
    # Regression anchors of the default design (A: derived, not outside validation).
    r = DTC.capture_si(HALL, 1.0, SITE)
    assert r.heat_to_liquid == pytest.approx(2000 * (8 * 700 + 700), rel=1e-12)  # chips at TDP
    assert r.details["w_class"][0] == "W32"
    assert r.details["cdu_approach"][0] == pytest.approx(4.0, abs=1e-9)
    assert 50e3 <= r.details["loop_pressure_drop"][0] <= 300e3  # CDU window 0.5-3 bar (2ND)
    assert r.max_device_temperature < 273.15 + 85.0
    assert r.feasibility.all


# --------------------------------------------------------------------------- properties
@given(u=floats(0.0, 1.0), phi=floats(0.3, 0.85), t=floats(300.0, 318.0))
def test_energy_conservation(u, phi, t):
    d = DirectToChip(air_side=AIR, liquid_share=phi, tcs_supply_temperature=Q_(t, "K"))
    r = d.capture_si(HALL, u, SITE)
    # exact by construction: 1e-9 relative covers float rounding only
    assert r.heat_to_air + r.heat_to_liquid == pytest.approx(r.it_power, rel=1e-12)
    assert _total(r) == pytest.approx(r.it_power + r.air_mover_power + r.pump_power, rel=1e-9)
    assert r.it_power == pytest.approx(r.compute_power + r.server_fan_power, rel=1e-12)


@given(p1=floats(0.2, 0.85), p2=floats(0.2, 0.85), u=floats(0.0, 1.0))
def test_more_liquid_share_less_air_heat(p1, p2, u):
    lo, hi = sorted((p1, p2))
    r_lo = DirectToChip(air_side=AIR, liquid_share=lo).capture_si(HALL, u, SITE)
    r_hi = DirectToChip(air_side=AIR, liquid_share=hi).capture_si(HALL, u, SITE)
    assert r_hi.heat_to_air <= r_lo.heat_to_air * (1 + 1e-12)


@given(t1=floats(300.0, 318.0), t2=floats(300.0, 318.0), u1=floats(0.0, 1.0), u2=floats(0.0, 1.0))
def test_device_temperature_monotone(t1, t2, u1, u2):
    # hotter supply and more load never cool the GPU
    lo, hi = sorted((t1, t2))
    a = DirectToChip(air_side=AIR, tcs_supply_temperature=Q_(lo, "K")).capture_si(HALL, u1, SITE)
    b = DirectToChip(air_side=AIR, tcs_supply_temperature=Q_(hi, "K")).capture_si(HALL, u1, SITE)
    assert b.max_device_temperature >= a.max_device_temperature
    ul, uh = sorted((u1, u2))
    r = DTC.capture_si(HALL, np.array([ul, uh]), SITE)
    assert r.max_device_temperature[1] >= r.max_device_temperature[0]


@given(approach=floats(2.0, 8.0), dt_fws=floats(4.0, 11.0))
def test_cdu_eps_ntu_round_trip(approach, dt_fws):
    d = DirectToChip(air_side=AIR, cdu=CDU(approach=Q_(approach, "K"), facility_delta_t=Q_(dt_fws, "K")))
    r = d.capture_si(HALL, 1.0, SITE)
    eps, ntu = r.details["cdu_effectiveness"][0], r.details["cdu_ntu"][0]
    assert r.details["cdu_approach"][0] == pytest.approx(approach, rel=1e-9)  # design point: exact approach
    # capacity ratio from the design temperature rises
    q = _total(r) - r.streams[0].heat
    c_hot = q / (r.details["tcs_return_temperature"][0] - d._si["t_sup"])
    c_cold = q / (r.streams[1].return_temperature - r.streams[1].supply_temperature)
    cr = min(c_hot, c_cold) / max(c_hot, c_cold)
    assert ntu_from_effectiveness(PLATE, eps, cr) == pytest.approx(ntu, rel=1e-9)
    assert PLATE.effectiveness_si(ntu, cr) == pytest.approx(eps, rel=1e-12)


def test_array_equals_scalar():
    u = np.array([0.0, 0.3, 0.75, 1.0])
    arr = DTC.capture_si(HALL, u, SITE)
    for i, ui in enumerate(u):
        one = DTC.capture_si(HALL, float(ui), SITE)
        for name in ("it_power", "heat_to_air", "heat_to_liquid", "pump_power", "max_device_temperature"):
            assert getattr(arr, name)[i] == pytest.approx(getattr(one, name), rel=1e-12)
        assert arr.streams[1].supply_temperature[i] == pytest.approx(one.streams[1].supply_temperature, rel=1e-12)


@given(t_f=floats(86.0, 110.0), dt_f=floats(12.0, 22.0), dp=floats(1.0, 10.0))
def test_unit_invariance(t_f, dt_f, dp):
    # a component built from degF / delta_degF / psi gives the same SI result as degC / K / kPa
    ip = DirectToChip(air_side=AIR, tcs_supply_temperature=Q_(t_f, "degF"), tcs_delta_t=Q_(dt_f, "delta_degF"),
                      server_pressure_drop=Q_(dp, "psi"), cdu=CDU(approach=Q_(7.2, "delta_degF")))
    si = DirectToChip(air_side=AIR, tcs_supply_temperature=Q_((t_f - 32) / 1.8, "degC"),
                      tcs_delta_t=Q_(dt_f / 1.8, "K"), server_pressure_drop=Q_(dp * 6.894757293168361, "kPa"),
                      cdu=CDU(approach=Q_(4.0, "K")))
    a, b = ip.capture_si(HALL, 0.8, SITE), si.capture_si(HALL, 0.8, SITE)
    for name in ("coolant_flow", "pump_power", "max_device_temperature", "it_power"):
        assert getattr(a, name) == pytest.approx(getattr(b, name), rel=1e-9)
    assert a.details["flow_per_kw"][0] == pytest.approx(b.details["flow_per_kw"][0], rel=1e-9)


# --------------------------------------------------------------------------- classes and feasibility
def test_liquid_classes():
    assert [c.name for c in LIQUID_CLASSES] == ["W17", "W27", "W32", "W40", "W45", "W+"]
    got = liquid_class_for_supply(Q_([10, 17, 26.9, 27, 39, 45, 46], "degC")).tolist()
    assert got == ["below W17", "W17", "W17", "W27", "W32", "W45", "W+"]


def test_facility_class_flag():
    ok = DirectToChip(air_side=AIR, facility_class="W32").capture_si(HALL, 1.0, SITE)
    assert ok.feasibility.all
    bad = DirectToChip(air_side=AIR, facility_class="W40").capture_si(HALL, 1.0, SITE)
    assert not bad.feasibility.all and any("W40" in x for x in bad.feasibility.reasons_anywhere())


def test_condensation_and_device_flags():
    cold = DirectToChip(air_side=AIR, tcs_supply_temperature=Q_(20, "degC")).capture_si(HALL, 1.0, SITE)
    assert any("dew point" in x for x in cold.feasibility.reasons_anywhere())  # Sterling design dew point ~22 degC
    hot = DirectToChip(air_side=AIR, tcs_supply_temperature=Q_(45, "degC"),
                       junction_limit=Q_(70, "degC")).capture_si(HALL, np.array([0.1, 1.0]), SITE)
    assert hot.feasibility.feasible.tolist() == [True, False]
    assert "junction" in hot.feasibility.reasons_at(1)[0]


def test_with_real_air_side():
    air = pytest.importorskip("coolsim.capture.air")
    d = DirectToChip(air_side=air.AirSide())
    r = d.capture_si(HALL, np.array([0.5, 1.0]), SITE)
    assert r.streams[0].label.startswith("chilled water") and r.streams[1].label.startswith("facility water")
    assert np.allclose(_total(r), r.it_power + r.air_mover_power + r.pump_power, rtol=1e-9)
    fa = air.ForcedAir().capture_si(HALL, 1.0, SITE)
    # liquid capture lowers server fan power and the air path's fan power
    assert r.server_fan_power[1] < fa.server_fan_power and r.air_mover_power[1] < fa.air_mover_power
    assert DirectToChip().air_side is not None  # the default air side is the real one


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("kwargs, exc, name", [
    (dict(liquid_share=1.2), OutOfRangeError, "liquid_share"),
    (dict(liquid_share=-0.1), OutOfRangeError, "liquid_share"),
    (dict(liquid_share=float("nan")), OutOfRangeError, "liquid_share"),
    (dict(liquid_share=0.0), OutOfRangeError, "liquid_share"),
    (dict(tcs_supply_temperature=Q_(-15, "degC")), OutOfRangeError, "freezing"),
    (dict(tcs_supply_temperature=Q_(-15, "degC")), OutOfRangeError, "tcs_supply_temperature"),
    (dict(tcs_supply_temperature=Q_(float("nan"), "degC")), OutOfRangeError, "tcs_supply_temperature"),
    (dict(tcs_delta_t=Q_(10, "degC")), UnitError, "tcs_delta_t"),
    (dict(tcs_delta_t=Q_(0, "K")), OutOfRangeError, "tcs_delta_t"),
    (dict(server_pressure_drop=Q_(-5, "kPa")), OutOfRangeError, "server_pressure_drop"),
    (dict(facility_class="W99"), OutOfRangeError, "facility_class"),
    (dict(coolant="pg25"), UnitError, "coolant"),
    (dict(air_side=object()), OutOfRangeError, "air_side"),
])
def test_bad_component(kwargs, exc, name):
    kwargs.setdefault("air_side", AIR)
    with pytest.raises(exc, match=name):
        DirectToChip(**kwargs)


@pytest.mark.parametrize("kwargs, exc, name", [
    (dict(approach=Q_(-2, "K")), OutOfRangeError, "approach"),
    (dict(approach=Q_(4, "degC")), UnitError, "approach"),
    (dict(facility_delta_t=Q_(float("nan"), "K")), OutOfRangeError, "facility_delta_t"),
    (dict(pump_efficiency=1.5), OutOfRangeError, "pump_efficiency"),
])
def test_bad_cdu(kwargs, exc, name):
    with pytest.raises(exc, match=name):
        CDU(**kwargs)


def test_bad_design_combinations():
    with pytest.raises(InfeasibleError, match="facility_delta_t"):
        DirectToChip(air_side=AIR, cdu=CDU(facility_delta_t=Q_(15, "K")))
    with pytest.raises(OutOfRangeError, match="liquid_share"):  # above the compute share of a DGX H100 (0.9)
        DirectToChip(air_side=AIR, liquid_share=0.95).capture_si(HALL, 1.0, SITE)
    with pytest.raises(OutOfRangeError, match="utilisation"):
        DTC.capture_si(HALL, 1.5, SITE)
    with pytest.raises(OutOfRangeError, match="tcs_supply"):
        size_cdu(Q_(1, "MW"), Q_(30, "degC"), Q_(32, "degC"), Q_(28, "degC"), Q_(36, "degC"))


def test_coolant_pressure_drop_is_the_loop_sum():
    # CaptureResult.coolant_pressure_drop is the TCS loop: cold plate + server hoses + quick
    # disconnects + distribution + CDU internals (tolerance 1e-12: the same sum)
    from coolsim.capture.direct_to_chip import DirectToChip
    from coolsim.it_equipment import ITLoad
    from coolsim.site import design_site

    d2c = DirectToChip()
    r = d2c.capture_si(ITLoad("dgx-h100", racks=10), 1.0, design_site("sterling-va").si)
    s = d2c._si
    parts = (r.details["cold_plate_pressure_drop"][0] + s["server_pressure_drop"]
             + s["quick_disconnect_pressure_drop"] + s["distribution_pressure_drop"] + d2c.cdu._si["dp"])
    assert r.coolant_pressure_drop == pytest.approx(parts, rel=1e-12)
    assert r.coolant_pressure_drop == r.details["loop_pressure_drop"][0]


# --- feasibility reasons carry their numbers ----------------------------------------------
def test_cold_plate_flow_reason_gives_flow_and_range_in_lpm():
    r = DirectToChip(air_side=AIR, tcs_delta_t=Q_(40, "K")).capture_si(HALL, 1.0, SITE)
    flow = r.details["gpu_plate_flow"][0] / LPM  # ~0.26 L/min, below the 0.5 L/min floor
    (reason,) = [x for x in r.feasibility.reasons_anywhere() if "cold-plate flow" in x]
    assert "(0.5 to 10 L/min)" in reason and f"{flow:.3g} L/min per plate" in reason
    assert "at worst" not in reason  # one design flow: one element


def test_cold_plate_flow_reason_above_range():
    plate = ColdPlate(max_flow=Q_(0.8, "L/min"))
    r = DirectToChip(air_side=AIR, cold_plate=plate).capture_si(HALL, 1.0, SITE)
    flow = r.details["gpu_plate_flow"][0] / LPM
    assert flow > 0.8
    (reason,) = [x for x in r.feasibility.reasons_anywhere() if "cold-plate flow" in x]
    assert f"(0.5 to 0.8 L/min): {flow:.3g} L/min per plate" in reason


def test_cold_plate_flow_reason_is_one_string_with_the_worst_element():
    plate = ColdPlate()
    flows = np.array([0.2, 1.0, 0.4, 12.0, 30.0]) * LPM  # two below 0.5, two above 10 L/min
    reason = plate.flow_reason_si(flows)
    # 30 L/min is 200 % above the ceiling; 0.2 L/min is 60 % below the floor: 30 is the worst
    assert reason == ("GPU cold-plate flow outside the cold-plate model range (0.5 to 10 L/min): "
                      "30 L/min per plate at worst")
    f = DirectToChip(air_side=AIR, tcs_delta_t=Q_([30.0, 40.0], "K")).capture_si(HALL, 1.0, SITE).feasibility
    assert sum("cold-plate flow" in x for x in f.reasons_anywhere()) == 1


def test_junction_and_dew_point_reasons_give_degc():
    cold = DirectToChip(air_side=AIR, tcs_supply_temperature=Q_(20, "degC")).capture_si(HALL, 1.0, SITE)
    (dew,) = [x for x in cold.feasibility.reasons_anywhere() if "dew point" in x]
    dp = SITE.dew_point - 273.15 + 2.0  # default margin 2 K
    assert "supply 20.0 degC" in dew and f"dew point + margin {dp:.1f} degC" in dew
    hot = DirectToChip(air_side=AIR, tcs_supply_temperature=Q_(45, "degC"),
                       junction_limit=Q_(70, "degC")).capture_si(HALL, np.array([0.1, 1.0]), SITE)
    (junction,) = [x for x in hot.feasibility.reasons_anywhere() if "junction" in x]
    m = re.fullmatch(r"GPU junction above its limit \(70\.0 degC\): (\S+) degC", junction)  # one element fails
    case = float(np.broadcast_to(hot.details["gpu_case_temperature"][0], (2,))[1]) - 273.15
    assert m and 70.0 < float(m.group(1)) and float(m.group(1)) >= round(case, 1)  # junction above the case


def test_facility_class_reason_gives_class_limit_and_need():
    bad = DirectToChip(air_side=AIR, facility_class="W40").capture_si(HALL, 1.0, SITE)
    (reason,) = [x for x in bad.feasibility.reasons_anywhere() if "W40" in x]
    (fw,) = [x for x in bad.streams if x.circuit == Circuit.FACILITY_WATER]
    need = float(np.max(fw.supply_temperature)) - 273.15
    assert "allows up to 40.0 degC" in reason and f"the CDU needs {need:.1f} degC" in reason
