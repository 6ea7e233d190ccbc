"""Tests for coolsim.metrics: PUE, pPUE, ITUE, TUE, WUE."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.metrics import (
    compute_power,
    energy_weighted_pue,
    itue,
    partial_pue,
    pue,
    pue_from_energy,
    tue,
    wue,
)
from strategies import floats, power_q


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------
def test_tue_R33():
    # Patterson et al. (ISC 2013), Jaguar case: ITUE 1.156 x PUE 1.356 = 1.568,
    # published to 3 decimals: tolerance half a unit of the last digit.
    assert abs(tue(1.156, 1.356) - 1.568) <= 5e-4


def test_wue_green_grid_units():
    # WUE is reported in L/kWh (Green Grid WP #35): 1.8 million litres over
    # 1 GWh of IT energy is 1.8 L/kWh (unit arithmetic, rel 1e-12).
    assert wue(Q_(1.8e6, "L"), Q_(1, "GWh")).to("L/kWh").m == pytest.approx(1.8, rel=1e-12)
    assert wue(Q_(475.5, "gallon"), Q_(1, "MWh")).to("L/kWh").m == pytest.approx(475.5 * 3.785411784 / 1000, rel=1e-9)


def test_energy_weighted_pue_differs_from_mean_of_hourly():
    # Constructed case: two hours, low IT load with a high PUE and high load
    # with a low PUE.  Mean of hourly values 1.6; energy-weighted 14/11.
    fac = Q_([2.0, 12.0], "MW")
    it = Q_([1.0, 10.0], "MW")
    hourly = pue(fac, it)
    assert np.mean(hourly) == pytest.approx(1.6, rel=1e-12)
    assert energy_weighted_pue(fac, it) == pytest.approx(14 / 11, rel=1e-12)
    assert abs(energy_weighted_pue(fac, it) - np.mean(hourly)) > 0.3


def test_energy_weighted_pue_unequal_intervals_equals_energy_ratio():
    fac = Q_([1.5, 1.2, 1.1], "MW")
    it = Q_([1.0, 1.0, 1.0], "MW")
    dt = Q_([1, 2, 7], "hour")
    e_fac = Q_(1.5 * 1 + 1.2 * 2 + 1.1 * 7, "MWh")
    e_it = Q_(10, "MWh")
    assert energy_weighted_pue(fac, it, dt) == pytest.approx(pue_from_energy(e_fac, e_it), rel=1e-12)


def test_energy_weighted_pue_rows():
    # A 2-D array: one PUE per row (last axis is time).
    fac = Q_(np.array([[13.0, 13.0], [20.0, 10.0]]), "MW")
    it = Q_(np.array([[10.0, 10.0], [10.0, 10.0]]), "MW")
    np.testing.assert_allclose(energy_weighted_pue(fac, it), [1.3, 1.5], rtol=1e-12)


def test_itue_from_components():
    # DGX-H100-like: 10.2 kW in, 1.02 kW fans, 0.4 kW PSU, 0.3 kW VR (illustrative, exact arithmetic).
    c = compute_power(Q_(10.2, "kW"), Q_(1.02, "kW"), Q_(0.4, "kW"), Q_(0.3, "kW"))
    assert c.to("kW").m == pytest.approx(8.48, rel=1e-12)
    assert itue(Q_(10.2, "kW"), c) == pytest.approx(10.2 / 8.48, rel=1e-12)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
@given(it=floats(1.0, 5e7), over=floats(0.0, 3.0))
def test_pue_at_least_one(it, over):
    assert pue.si(it * (1 + over), it) >= 1.0


@given(it=floats(1.0, 5e7), parts=st.lists(floats(0.0, 1e7), min_size=1, max_size=6))
def test_partial_pues_sum_to_pue(it, parts):
    # PUE - 1 = sum(pPUE_i - 1) when the subsystems partition the overhead (rel 1e-9).
    total = it + sum(parts)
    lhs = pue.si(total, it) - 1.0
    rhs = sum(partial_pue.si(it, p) - 1.0 for p in parts)
    assert lhs == pytest.approx(rhs, rel=1e-9, abs=1e-12)


@given(i=floats(1.0, 3.0), p=floats(1.0, 3.0))
def test_tue_at_least_pue(i, p):
    assert tue.si(i, p) >= p


@given(ratio=floats(1.0, 3.0), it=st.lists(floats(1.0, 5e7), min_size=1, max_size=48))
def test_energy_weighted_pue_constant_ratio(ratio, it):
    it = np.array(it)
    assert energy_weighted_pue.si(ratio * it, it) == pytest.approx(ratio, rel=1e-12)


@given(fac=st.lists(floats(1.0, 5e7), min_size=1, max_size=10), over=floats(0.0, 2.0))
def test_pue_array_equals_scalar(fac, over):
    it = np.array(fac)
    arr = pue.si(it * (1 + over), it)
    for a, v in zip(arr, fac):
        assert a == pue.si(v * (1 + over), v)


@given(data=st.data(), it=floats(1.0, 5e7), over=floats(0.0, 2.0))
def test_pue_unit_invariance(data, it, over):
    got = pue(data.draw(power_q(it * (1 + over))), data.draw(power_q(it)))
    assert got == pytest.approx(1 + over, rel=1e-9)


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------
def test_pue_below_one_raises_naming_facility():
    with pytest.raises(OutOfRangeError, match="'total_facility_power'"):
        pue(Q_(9, "MW"), Q_(10, "MW"))
    with pytest.raises(OutOfRangeError, match="'total_facility_power'"):
        energy_weighted_pue(Q_([13, 9], "MW"), Q_([10, 10], "MW"))
    with pytest.raises(OutOfRangeError, match="'total_facility_energy'"):
        pue_from_energy(Q_(1, "GWh"), Q_(2, "GWh"))


@pytest.mark.parametrize("it", [Q_(0, "MW"), Q_(-1, "MW"), Q_(float("nan"), "MW")])
def test_pue_bad_it_power(it):
    with pytest.raises(OutOfRangeError, match="'it_power'"):
        pue(Q_(1, "MW"), it)


def test_energy_weighted_pue_zero_it_energy():
    with pytest.raises(OutOfRangeError, match="'it_power'"):
        energy_weighted_pue(Q_([0.0, 0.0], "MW"), Q_([0.0, 0.0], "MW"))


def test_wrong_dimensions():
    with pytest.raises(UnitError, match="'it_power'"):
        pue(Q_(1, "MW"), Q_(1, "MWh"))
    with pytest.raises(UnitError, match="'it_energy'"):
        wue(Q_(1, "L"), Q_(1, "MW"))
    with pytest.raises(UnitError, match="'interval'"):
        energy_weighted_pue(Q_([1], "MW"), Q_([1], "MW"), Q_(1, "m"))


def test_itue_tue_bad_inputs():
    with pytest.raises(OutOfRangeError, match="'itue'"):
        tue(0.9, 1.3)
    with pytest.raises(OutOfRangeError, match="'pue'"):
        tue(1.1, float("nan"))
    with pytest.raises(OutOfRangeError, match="'it_power'"):
        itue(Q_(8, "kW"), Q_(10, "kW"))
    with pytest.raises(OutOfRangeError, match="'fan_power'"):
        compute_power(Q_(1, "kW"), Q_(1, "kW"))
