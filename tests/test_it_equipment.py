"""Tests for coolsim.it_equipment: catalogue, server power, fan models, halls."""

import dataclasses

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.it_equipment import (
    SERVERS,
    Hall,
    ITLoad,
    ServerSpec,
    by_name,
    fan_power_vs_inlet,
    fan_power_with_liquid,
    server_power,
)
from strategies import floats, power_q, temperature_q


# ---------------------------------------------------------------------------
# Validation: catalogue figures against their sources (exact: copied figures)
# ---------------------------------------------------------------------------
def test_by_name_dgx_h100_nvidia_user_guide():
    s = by_name("dgx-h100")
    assert s.gpu_count == 8
    assert s.gpu_tdp.to("W").m == 700
    assert s.max_power.to("kW").m == pytest.approx(10.2)
    assert s.rack_units == 8 and s.units_per_rack == 4
    assert s.rack_power.to("kW").m == pytest.approx(40.8)


def test_by_name_dgx_b200_nvidia_user_guide():
    s = by_name("dgx-b200")
    assert s.gpu_count == 8 and s.rack_units == 10
    assert s.max_power.to("kW").m == pytest.approx(14.3)


def test_by_name_gb200_nvl72_nvidia_user_guide():
    s = by_name("gb200-nvl72")
    assert s.gpu_count == 72
    assert s.max_power.to("kW").m == pytest.approx(120)
    assert 0.85 <= s.liquid_capturable_fraction <= 0.95
    # The chip share alone (GPUs + CPUs at TDP) is below the capturable share.
    assert s.chip_power_share == pytest.approx((72 * 1200 + 36 * 300) / 120e3, rel=1e-12)
    assert s.chip_power_share < s.liquid_capturable_fraction


def test_fan_power_vs_inlet_grc2016():
    # Calibration check against the GRC (2016) Dell R410 table (VENDOR grade):
    # with the least-squares parameters (fan share 0.94 %, b = 0.138 /K) the
    # cubic curve reproduces each relative rise within 0.3 percentage points
    # (fit residuals <= 0.25 pp; the table's watts are given to 0.1 W).
    p27 = 137.7
    t = np.array([29.0, 31.0, 33.0, 35.0, 37.0]) + 273.15
    measured = np.array([139.4, 141.5, 144.0, 148.4, 154.0]) / p27 - 1.0
    share, slope = 0.00936, 0.1385
    fan = fan_power_vs_inlet.si(t, share * p27, 300.15, slope)
    predicted = (fan - share * p27) / p27
    assert np.max(np.abs(predicted - measured)) < 0.003


def test_fan_power_vs_inlet_default_slope_keeps_12_percent():
    # Derived default: a 10 % fan share rises to +12 % of server power from
    # 27 to 37 degC (identity 0.1*((1+10*0.03)^3 - 1) = 0.1197; tolerance 0.1 pp).
    rise = fan_power_vs_inlet.si(310.15, 0.10) - fan_power_vs_inlet.si(300.15, 0.10)
    assert rise == pytest.approx(0.12, abs=1e-3)


def test_fan_power_flat_below_knee():
    assert fan_power_vs_inlet(Q_(18, "degC"), Q_(1, "kW")).m == 1000.0
    assert fan_power_vs_inlet(Q_(27, "degC"), Q_(1, "kW")).m == 1000.0


def test_fan_power_with_liquid_affinity_and_floor():
    # Affinity: half the air heat -> 1/8 of the power; below the floor, constant.
    assert fan_power_with_liquid(Q_(1, "kW"), 0.5).m == pytest.approx(125.0, rel=1e-12)
    assert fan_power_with_liquid(Q_(1, "kW"), 0.05).m == pytest.approx(8.0, rel=1e-12)
    assert fan_power_with_liquid(Q_(1, "kW"), 0.0).m == pytest.approx(8.0, rel=1e-12)


def test_server_spec_fan_power_scaled_to_native_share():
    nvl = by_name("gb200-nvl72")
    native = nvl.fan_power(Q_(25, "degC"))
    assert native.m == pytest.approx(2400.0)
    assert nvl.fan_power(Q_(25, "degC"), air_share=0.15).m == pytest.approx(2400.0, rel=1e-12)
    dgx = by_name("dgx-h100")
    assert dgx.fan_power(Q_(25, "degC"), air_share=0.382).m == pytest.approx(1020 * 0.382**3, rel=1e-12)


def test_hall_counts_and_power():
    hall = ITLoad("dgx-b200", racks=10, servers_per_rack=2)
    assert hall.server_count == 20 and hall.gpu_count == 160
    assert hall.max_power.to("kW").m == pytest.approx(286.0)
    assert Hall is ITLoad


def test_inline_server_definition():
    s = ServerSpec(
        name="my-4gpu",
        gpu_count=4,
        gpu_tdp=Q_(350, "W"),
        cpu_power=Q_(400, "W"),
        max_power=Q_(2.4, "kW"),
        idle_power=Q_(500, "W"),
        units_per_rack=8,
        fan_power_ref=Q_(240, "W"),
        liquid_capturable_fraction=0.75,
        inlet_min=Q_(10, "degC"),
        inlet_max=Q_(35, "degC"),
    )
    assert s.chip_power_share == pytest.approx(1800 / 2400)
    assert ITLoad(s, racks=3).it_power(1.0).to("kW").m == pytest.approx(57.6)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
names = st.sampled_from(sorted(SERVERS))


@given(name=names, u1=floats(0.0, 1.0), u2=floats(0.0, 1.0))
def test_server_power_monotone(name, u1, u2):
    s = by_name(name)
    lo, hi = sorted((u1, u2))
    assert s.power_si(lo) <= s.power_si(hi)
    assert s._si["idle_power"] <= s.power_si(lo) <= s._si["max_power"]


@given(t1=floats(278.15, 318.15), t2=floats(278.15, 318.15), slope=floats(0.0, 0.2))
def test_fan_power_nondecreasing_with_inlet(t1, t2, slope):
    lo, hi = sorted((t1, t2))
    assert fan_power_vs_inlet.si(lo, 100.0, 300.15, slope) <= fan_power_vs_inlet.si(hi, 100.0, 300.15, slope)


@given(a1=floats(0.0, 1.0), a2=floats(0.0, 1.0), floor=floats(0.0, 1.0))
def test_fan_power_nondecreasing_with_air_share(a1, a2, floor):
    lo, hi = sorted((a1, a2))
    assert fan_power_with_liquid.si(100.0, lo, floor) <= fan_power_with_liquid.si(100.0, hi, floor)


@given(name=names, racks=st.integers(1, 500), u=floats(0.0, 1.0))
def test_hall_power_is_servers_times_server(name, racks, u):
    hall = ITLoad(name, racks=racks)
    assert hall.it_power_si(u) == pytest.approx(hall.server_count * by_name(name).power_si(u), rel=1e-12)


@given(us=st.lists(floats(0.0, 1.0), min_size=1, max_size=20), ts=floats(283.15, 303.15))
def test_array_equals_scalar(us, ts):
    arr = server_power.si(np.array(us), 2550.0, 10200.0)
    for a, u in zip(arr, us):
        assert a == server_power.si(u, 2550.0, 10200.0)
    ft = fan_power_vs_inlet.si(np.array([ts, ts + 5.0]), 1000.0)
    assert ft[0] == fan_power_vs_inlet.si(ts, 1000.0)
    assert ft[1] == fan_power_vs_inlet.si(ts + 5.0, 1000.0)


@given(data=st.data(), t=floats(278.15, 318.15), p=floats(1.0, 5e4))
def test_fan_power_unit_invariance(data, t, p):
    got = fan_power_vs_inlet(data.draw(temperature_q(t)), data.draw(power_q(p))).m
    assert got == pytest.approx(fan_power_vs_inlet.si(t, p), rel=1e-9)


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("u", [-0.1, 1.01, float("nan")])
def test_utilisation_outside_unit_interval(u):
    with pytest.raises(OutOfRangeError, match="'utilisation'"):
        server_power(u, Q_(1, "kW"), Q_(2, "kW"))
    with pytest.raises(OutOfRangeError, match="'utilisation'"):
        by_name("dgx-h100").power(u)


def test_unknown_server_suggests_closest():
    with pytest.raises(OutOfRangeError, match="Did you mean 'dgx-h100'"):
        by_name("dgx-h10")
    with pytest.raises(OutOfRangeError, match="'name'"):
        by_name("cray-1")
    with pytest.raises(OutOfRangeError, match="Did you mean 'gb200-nvl72'"):
        ITLoad("gb200-nvl27", racks=1)


def test_bad_power_inputs():
    with pytest.raises(OutOfRangeError, match="'idle_power'"):
        server_power(0.5, Q_(3, "kW"), Q_(2, "kW"))
    with pytest.raises(OutOfRangeError, match="'max_power'"):
        server_power(0.5, Q_(1, "kW"), Q_(-2, "kW"))
    with pytest.raises(UnitError, match="'idle_power'"):
        server_power(0.5, Q_(1, "kWh"), Q_(2, "kW"))
    with pytest.raises(UnitError, match="'fan_power_air'"):
        fan_power_with_liquid(100.0, 0.5)
    with pytest.raises(OutOfRangeError, match="'air_share'"):
        fan_power_with_liquid(Q_(1, "kW"), 1.5)


def test_bad_inlet_temperature():
    with pytest.raises(OutOfRangeError, match="'inlet_temperature'"):
        fan_power_vs_inlet(Q_(60, "degC"), Q_(1, "kW"))
    with pytest.raises(UnitError, match="'inlet_temperature'"):
        fan_power_vs_inlet(Q_(25, "delta_degC"), Q_(1, "kW"))
    with pytest.raises(OutOfRangeError, match="allowed inlet range of 'dgx-h100'"):
        by_name("dgx-h100").fan_power(Q_(33, "degC"))
    with pytest.raises(UnitError, match="'speed_slope'"):
        fan_power_vs_inlet(Q_(30, "degC"), Q_(1, "kW"), speed_slope=Q_(0.03, "1/m"))
    with pytest.raises(UnitError, match="'speed_slope'"):
        fan_power_vs_inlet(Q_(30, "degC"), Q_(1, "kW"), speed_slope=0.03)


def test_speed_slope_per_degree_units():
    # A slope per degF is 1.8 times the slope per K (exact conversion, rel 1e-12).
    per_f = fan_power_vs_inlet(Q_(30, "degC"), Q_(1, "kW"), speed_slope=Q_(0.03, "1/delta_degF")).m
    assert per_f == pytest.approx(1000.0 * (1 + 0.054 * 3.0) ** 3, rel=1e-12)


def test_bad_spec_and_hall():
    base = by_name("dgx-h100")
    with pytest.raises(OutOfRangeError, match="'idle_power'"):
        dataclasses.replace(base, idle_power=Q_(20, "kW"))
    with pytest.raises(OutOfRangeError, match="'gpu_count'"):
        dataclasses.replace(base, gpu_count=-1)
    with pytest.raises(OutOfRangeError, match="'gpu_count'"):
        dataclasses.replace(base, gpu_count=20)
    with pytest.raises(OutOfRangeError, match="'racks'"):
        ITLoad("dgx-h100", racks=0)
    with pytest.raises(OutOfRangeError, match="'servers_per_rack'"):
        ITLoad("dgx-h100", racks=1, servers_per_rack=2.5)
    with pytest.raises(OutOfRangeError, match="'server'"):
        ITLoad(42, racks=1)


def test_itload_from_servers_and_its_fix():
    from coolsim.errors import OutOfRangeError
    from coolsim.it_equipment import ITLoad

    hall = ITLoad.from_servers("dgx-h100", 2000)
    assert (hall.racks, hall.servers_per_rack, hall.server_count) == (500, 4, 2000)
    assert ITLoad.from_servers("dgx-h100", 601, servers_per_rack=1).racks == 601
    with pytest.raises(OutOfRangeError, match=r"'servers'.*601 servers do not fill whole racks of 4: use 600 or 604 servers, or set servers_per_rack"):
        ITLoad.from_servers("dgx-h100", 601)
    with pytest.raises(OutOfRangeError, match="servers"):
        ITLoad.from_servers("dgx-h100", 0)
