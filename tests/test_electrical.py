"""Tests for coolsim.electrical: UPS, PDU/transformer, lighting and the chain."""

import math

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.electrical import (
    PDU,
    UPS,
    ElectricalChain,
    Lighting,
    lighting_power,
    transformer_loss,
    ups_efficiency,
    ups_loss,
)
from coolsim.errors import InfeasibleError, OutOfRangeError, UnitError
from strategies import floats, power_q

R32 = dict(no_load_loss=0.01, proportional_loss=0.02, square_loss=0.02)


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("x, eta", [(0.1, 0.8913), (0.3, 0.9440), (0.5, 0.9524), (1.0, 0.9524)])
def test_ups_efficiency_R32(x, eta):
    # R32 quotes eta to 4 decimals: tolerance half a unit of the last digit.
    got = ups_efficiency(Q_(x * 500, "kW"), Q_(500, "kW"), **R32)
    assert abs(got - eta) <= 5e-5


def test_ups_efficiency_R32_fixes_the_model_form():
    # The R32 figures follow from eta = x / (x + p0 + k1 x + k2 x^2) (losses per
    # unit of rating, eta referred to the output).  Two other readings of the
    # same coefficients do not reproduce them, so the test pins the form:
    x = np.array([0.1, 0.3, 0.5, 1.0])
    published = np.array([0.8913, 0.9440, 0.9524, 0.9524])
    loss = 0.01 + 0.02 * x + 0.02 * x**2
    assert np.all(np.abs(x / (x + loss) - published) <= 5e-5)
    # (a) losses referred to the output: eta = 1 - loss/x
    assert np.max(np.abs((1 - loss / x) - published)) > 0.01
    # (b) losses per unit of the *input* rating with x the input load
    assert np.max(np.abs((x - loss) / x - published)) > 0.01


def test_ups_efficiency_peak_at_sqrt_p0_over_k2():
    # Identity: d(eta)/dx = 0 at x* = sqrt(p0/k2); check against a dense grid (grid step 1e-4).
    x = np.linspace(0.01, 1.0, 9901)
    eta = ups_efficiency.si(x * 1e6, 1e6, 0.01, 0.02, 0.02)
    assert abs(x[np.argmax(eta)] - math.sqrt(0.01 / 0.02)) < 2e-4


def test_transformer_loss_doe_2016_level():
    # Default coefficients are chosen to meet the DOE 2016 minimum of 98.60 % at
    # 35 % load for a 75 kVA three-phase LV transformer; exact arithmetic, 1e-12.
    load = 0.35 * 75e3
    loss = transformer_loss.si(load, 75e3)
    assert load / (load + loss) >= 0.9860
    assert loss == pytest.approx(75e3 * (0.003 + 0.012 * 0.35**2), rel=1e-12)


def test_lighting_power_identity():
    assert lighting_power(Q_(2, "km**2") * 1e-3, Q_(1, "W/ft**2")).m == pytest.approx(2000 / 0.09290304, rel=1e-9)


def test_chain_power_flow():
    # PDU delivers IT; UPS delivers IT + PDU loss; total = sum of the parts (exact up to rounding).
    chain = ElectricalChain(
        ups=UPS(Q_(2, "MW")), pdu=PDU(rating=Q_(1.5, "MW")), lighting=Lighting(Q_(2000, "m**2"), fixed=Q_(5, "kW"))
    )
    it = 1.0e6
    ups, pdu, light, total, ups_load = chain.losses_si(it)
    assert pdu == pytest.approx(transformer_loss.si(it, 1.5e6), rel=1e-12)
    assert ups_load == pytest.approx(it + pdu, rel=1e-12)
    assert ups == pytest.approx(ups_loss.si(it + pdu, 2e6), rel=1e-12)
    assert light == pytest.approx(2000 * 10.0 + 5e3, rel=1e-12)
    assert total == pytest.approx(ups + pdu + light, rel=1e-12)


def test_chain_mechanical_through_ups():
    base = ElectricalChain(ups=UPS(Q_(3, "MW")))
    both = ElectricalChain(ups=UPS(Q_(3, "MW")), ups_serves_mechanical=True)
    a = base.losses(Q_(1, "MW"), Q_(0.3, "MW"))
    b = both.losses(Q_(1, "MW"), Q_(0.3, "MW"))
    assert a.ups_load.m == pytest.approx(1e6)
    assert b.ups_load.m == pytest.approx(1.3e6)
    assert b.ups_loss.m > a.ups_loss.m


def test_chain_fixed_efficiency_pdu():
    chain = ElectricalChain(pdu=PDU(efficiency=0.98))
    out = chain.losses(Q_(980, "kW"))
    assert out.pdu_loss.to("kW").m == pytest.approx(20.0, rel=1e-12)
    assert out.ups_loss.m == 0.0


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
coef = floats(0.0, 0.1)


@given(x=floats(1e-4, 1.0), p0=coef, k1=coef, k2=coef)
@example(x=1.0, p0=3.383564512447101e-34, k1=0.0, k2=0.0)  # found by the thorough profile
def test_ups_efficiency_in_unit_interval(x, p0, k1, k2):
    eta = ups_efficiency.si(x * 1e6, 1e6, p0, k1, k2)
    assert 0.0 < eta <= 1.0
    if p0 + k1 + k2 > 1e-12:  # a loss below double resolution of the load leaves eta = 1 exactly
        assert eta < 1.0


@given(x1=floats(0.0, 1.0), x2=floats(0.0, 1.0), p0=coef, k1=floats(1e-4, 0.1), k2=coef)
@example(x1=0.0, x2=1.401298464324817e-45, p0=0.0625, k1=0.0625, k2=0.0)  # found by the thorough profile
def test_ups_loss_increases_with_load(x1, x2, p0, k1, k2):
    lo, hi = sorted((x1, x2))
    a = ups_loss.si(lo * 1e6, 1e6, p0, k1, k2)
    b = ups_loss.si(hi * 1e6, 1e6, p0, k1, k2)
    assert b >= a
    if hi - lo > 1e-9:  # k1 >= 1e-4: at least 1e-7 W more, far above the rounding of the loss
        assert b > a


@given(n=st.integers(1, 8), load=floats(0.0, 1.0))
def test_ups_n_modules_equal_aggregate_rating(n, load):
    # N identical modules sharing the load equally lose N times one module's loss
    # at L/N: the same as one unit of rating N*r (rel 1e-12, float rounding).
    r = 250e3
    per_module = ups_loss.si(load * r, r, 0.01, 0.02, 0.02)
    assert n * per_module == pytest.approx(ups_loss.si(n * load * r, n * r, 0.01, 0.02, 0.02), rel=1e-12, abs=1e-9)


@given(st.lists(floats(0.0, 1.0), min_size=1, max_size=20))
def test_ups_loss_array_equals_scalar(xs):
    arr = ups_loss.si(np.array(xs) * 1e6, 1e6, 0.01, 0.02, 0.02)
    for a, x in zip(arr, xs):
        assert a == ups_loss.si(x * 1e6, 1e6, 0.01, 0.02, 0.02)


@given(data=st.data(), x=floats(0.0, 1.0))
def test_ups_loss_unit_invariance(data, x):
    load = data.draw(power_q(x * 2e6))
    rating = data.draw(power_q(2e6))
    got = ups_loss(load, rating).m
    assert got == pytest.approx(ups_loss.si(x * 2e6, 2e6), rel=1e-9)


@given(it=st.lists(floats(0.0, 1.4e6), min_size=1, max_size=12))
def test_chain_array_equals_scalar(it):
    chain = ElectricalChain(ups=UPS(Q_(2, "MW")), pdu=PDU(rating=Q_(1.5, "MW")), lighting=Lighting(Q_(500, "m**2")))
    arr = chain.losses_si(np.array(it))
    for i, v in enumerate(it):
        one = chain.losses_si(v)
        for k in range(5):
            assert arr[k][i] == pytest.approx(one[k], rel=1e-12, abs=1e-9)


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------
def test_ups_overload_raises_infeasible_naming_load():
    with pytest.raises(InfeasibleError, match="'load'"):
        ups_loss(Q_(1.1, "MW"), Q_(1, "MW"))
    with pytest.raises(InfeasibleError, match="'load'"):
        ups_efficiency(Q_([0.5, 1.2], "MW"), Q_(1, "MW"))


def test_transformer_overload():
    with pytest.raises(InfeasibleError, match="'load'"):
        transformer_loss(Q_(2, "MW"), Q_(1, "MW"))


def test_chain_overload_names_it_power():
    chain = ElectricalChain(ups=UPS(Q_(1, "MW")))
    with pytest.raises(InfeasibleError, match="'it_power'"):
        chain.losses(Q_([0.5, 1.5], "MW"))
    chain2 = ElectricalChain(pdu=PDU(rating=Q_(1, "MW"), efficiency=0.97))
    with pytest.raises(InfeasibleError, match="'it_power'"):
        chain2.losses(Q_(1.2, "MW"))


@pytest.mark.parametrize(
    "args, err, name",
    [
        ((Q_(-1, "kW"), Q_(1, "MW")), OutOfRangeError, "load"),
        ((Q_(float("nan"), "kW"), Q_(1, "MW")), OutOfRangeError, "load"),
        ((Q_(1, "kW"), Q_(0, "MW")), OutOfRangeError, "rating"),
        ((Q_(1, "kWh"), Q_(1, "MW")), UnitError, "load"),
        ((100.0, Q_(1, "MW")), UnitError, "load"),
    ],
)
def test_ups_loss_bad_inputs(args, err, name):
    with pytest.raises(err, match=f"'{name}'"):
        ups_loss(*args)


def test_ups_bad_coefficient():
    with pytest.raises(OutOfRangeError, match="'square_loss'"):
        ups_loss(Q_(1, "kW"), Q_(1, "MW"), square_loss=1.5)
    with pytest.raises(OutOfRangeError, match="'no_load_loss'"):
        UPS(Q_(1, "MW"), no_load_loss=-0.01)


def test_config_bad_inputs():
    with pytest.raises(OutOfRangeError, match="'rating'"):
        PDU()
    with pytest.raises(UnitError, match="'rating'"):
        UPS(1e6)
    with pytest.raises(OutOfRangeError, match="'efficiency'"):
        PDU(efficiency=0.0)
    with pytest.raises(UnitError, match="'floor_area'"):
        Lighting(Q_(10, "m"))
    with pytest.raises(OutOfRangeError, match="'it_power'"):
        ElectricalChain(ups=UPS(Q_(1, "MW"))).losses(Q_(-5, "kW"))
