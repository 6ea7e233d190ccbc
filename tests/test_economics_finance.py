"""Tests of coolsim.economics.finance: annuities, NPV, IRR, payback, levelised cost."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.errors import ConvergenceError, OutOfRangeError, UnitError
from coolsim.economics.finance import (
    YEAR_S,
    annuity_factor,
    irr,
    levelised_cost_per_gpu_hour,
    npv,
    npv_of_cash_flows,
    payback,
)
from tests.strategies import floats

Y3 = Q_(3, "year")


# ---------------------------------------------------------------- hand-computed cases
def test_annuity_factor_hand():
    # 1/1.1 + 1/1.21 + 1/1.331 = 0.9090909 + 0.8264463 + 0.7513148 = 2.4868520
    # tolerance 1e-12 relative: exact arithmetic in floating point
    assert annuity_factor(0.10, Y3) == pytest.approx(2.4868520, rel=1e-7)
    # r = 0: the factor is the number of years
    assert annuity_factor(0.0, Q_(6, "year")) == pytest.approx(6.0, rel=1e-12)


def test_npv_hand():
    # -1000 + 400 * 2.4868520 = -5.2592 USD (tolerance 1e-9 relative: exact arithmetic)
    assert npv(Q_(1000, "USD"), Q_(400, "USD/year"), 0.10, Y3).m_as("USD") == pytest.approx(-5.259204, rel=1e-6)
    # -100 + 60/1.1 + 60/1.21 = -100 + 54.545455 + 49.586777 = 4.132231
    assert npv_of_cash_flows(Q_([-100, 60, 60], "USD"), 0.10).m_as("USD") == pytest.approx(4.132231, rel=1e-6)


def test_irr_hand():
    # -100 + 60x + 60x^2 = 0, x = 1/(1+r): x = (-1 + sqrt(1 + 4*100/60))/2 = 0.8844373, r = 1/x - 1 = 0.1306624
    # tolerance 1e-9 absolute: bisection to 1e-12
    x = (-1 + math.sqrt(1 + 4 * 100 / 60)) / 2
    res = irr(Q_([-100, 60, 60], "USD"))
    assert res.exists and res.reason == ""
    assert res.rate == pytest.approx(1 / x - 1, abs=1e-9)
    # NPV at the IRR is zero
    assert npv_of_cash_flows(Q_([-100, 60, 60], "USD"), res.rate).m == pytest.approx(0.0, abs=1e-8)


def test_irr_no_sign_change_is_reported_not_a_number():
    res = irr(Q_([100, 60, 60], "USD"))
    assert res.rate is None and res.exists is False
    assert "never change sign" in res.reason


def test_irr_root_outside_bracket_raises_convergence_error():
    # root at 1+r = 1e-9 (r far below -99.9 %): NPV < 0 at both ends of the bracket
    with pytest.raises(ConvergenceError, match="cash_flows"):
        irr(Q_([-1.0, 1e-9], "USD"))


def test_irr_vectorised_matches_scalars():
    flows = np.array([[-100, 60, 60], [-100, 30, 90], [50, 10, 10]], dtype=float)
    res = irr(Q_(flows, "USD"))
    assert list(res.exists) == [True, True, False]
    for i in range(2):
        assert res.rate[i] == pytest.approx(irr(Q_(flows[i], "USD")).rate, abs=1e-12)
    assert np.isnan(res.rate[2])


def test_payback_hand():
    # simple: 1000 / 400 = 2.5 years (exact)
    p = payback(Q_(1000, "USD"), Q_(400, "USD/year"))
    assert p.years.m_as("year") == pytest.approx(2.5, rel=1e-12) and p.pays_back and p.reason == ""
    # discounted at 10 %: n = -ln(1 - 0.1*1000/400)/ln(1.1) = 0.2876821/0.0953102 = 3.018378 years
    d = payback(Q_(1000, "USD"), Q_(400, "USD/year"), 0.10, Q_(4, "year"))
    assert d.years.m_as("year") == pytest.approx(3.018378, rel=1e-6) and d.pays_back
    # the same beyond a 3-year horizon: a number, but not paid back, with a reason
    late = payback(Q_(1000, "USD"), Q_(400, "USD/year"), 0.10, Y3)
    assert late.pays_back is False and "beyond the 3-year horizon" in late.reason


def test_payback_never():
    p = payback(Q_(1000, "USD"), Q_(50, "USD/year"), 0.08)  # 50 <= 0.08*1000 = 80
    assert p.years is None and p.pays_back is False and "never covers" in p.reason
    q = payback(Q_(1000, "USD"), Q_(-5, "USD/year"))
    assert q.years is None and q.pays_back is False and "saving <= 0" in q.reason
    free = payback(Q_(-10, "USD"), Q_(5, "USD/year"))
    assert free.years.m == 0.0 and free.pays_back


def test_payback_arrays_use_inf_and_masks():
    p = payback(Q_([1000, 1000], "USD"), Q_([400, -1], "USD/year"))
    assert list(p.pays_back) == [True, False]
    assert np.isinf(p.years.m[1]) and "saving <= 0" in p.reason[1]


def test_levelised_cost_hand():
    # 250,000 USD over 8 GPUs x 6 years x 8,766 h (pint year 365.25 d), no opex, r = 0:
    # 250000 / 420768 = 0.5941516 USD/GPU-hour (tolerance 1e-9 relative: exact arithmetic)
    lc = levelised_cost_per_gpu_hour(Q_(250000, "USD"), Q_(0, "USD/year"), 8, 1.0, 0.0, Q_(6, "year"))
    assert lc.m_as("USD/hour") == pytest.approx(250000 / (8 * 6 * 8766), rel=1e-9)
    # with opex 10,000 USD/year at r = 0: (250000 + 60000)/420768 = 0.7367480
    lc2 = levelised_cost_per_gpu_hour(Q_(250000, "USD"), Q_(10000, "USD/year"), 8, 1.0, 0.0, Q_(6, "year"))
    assert lc2.m_as("USD/hour") == pytest.approx(310000 / 420768, rel=1e-9)


# ---------------------------------------------------------------- unit invariance
def test_same_npv_per_hour_or_per_year_and_in_cents():
    a = npv(Q_(1000, "USD"), Q_(400, "USD/year"), 0.1, Y3).m_as("USD")
    b = npv(Q_(100000, "cent"), Q_(400 / 8766.0, "USD/hour"), 0.1, Q_(36, "month")).m_as("USD")
    # tolerance 1e-9 relative: only unit conversions differ (pint year = 8,766 h = 12 months)
    assert a == pytest.approx(b, rel=1e-9)


# ---------------------------------------------------------------- properties
@given(c1=floats(1.0, 1e7), dc=floats(0.0, 1e7), s=floats(1.0, 1e7), r=floats(0.0, 0.3))
def test_payback_never_shortens_as_capex_rises(c1, dc, s, r):
    p1 = payback(Q_(c1, "USD"), Q_(s, "USD/year"), r, Q_(50, "year"))
    p2 = payback(Q_(c1 + dc, "USD"), Q_(s, "USD/year"), r, Q_(50, "year"))
    y1 = math.inf if p1.years is None else p1.years.m
    y2 = math.inf if p2.years is None else p2.years.m
    assert y2 >= y1 * (1 - 1e-12)


@given(r=floats(-0.5, 1.0), n=st.integers(1, 40))
def test_annuity_factor_equals_sum(r, n):
    direct = sum((1 + r) ** -k for k in range(1, n + 1))
    assert annuity_factor(r, Q_(n, "year")) == pytest.approx(direct, rel=1e-9)


@given(c=floats(1.0, 1e6), ratio=floats(0.01, 50.0), n=st.integers(1, 30))
def test_irr_zeroes_npv(c, ratio, n):
    # saving/capex <= 50 keeps the IRR inside the bracket (< 5,000 %/year)
    s = c * ratio
    flows = np.concatenate([[-c], np.full(n, s)])
    res = irr(Q_(flows, "USD"))
    assert res.exists
    assert npv_of_cash_flows(Q_(flows, "USD"), res.rate).m == pytest.approx(0.0, abs=1e-6 * (c + n * s))


# ---------------------------------------------------------------- bad inputs
@pytest.mark.parametrize("rate", [-1.0, -1.5, float("nan")])
def test_bad_discount_rate(rate):
    with pytest.raises(OutOfRangeError, match="'rate'"):
        npv(Q_(1, "USD"), Q_(1, "USD/year"), rate, Y3)


@pytest.mark.parametrize("h", [Q_(0, "year"), Q_(2.5, "year"), Q_(-1, "year")])
def test_bad_horizon(h):
    with pytest.raises(OutOfRangeError, match="'horizon'"):
        annuity_factor(0.05, h)


def test_wrong_units():
    with pytest.raises(UnitError, match="'capex'"):
        npv(Q_(1, "kWh"), Q_(1, "USD/year"), 0.1, Y3)
    with pytest.raises(UnitError, match="'annual_saving'"):
        npv(Q_(1, "USD"), Q_(1, "USD"), 0.1, Y3)
    with pytest.raises(UnitError, match="'horizon'"):
        npv(Q_(1, "USD"), Q_(1, "USD/year"), 0.1, 6)
    with pytest.raises(OutOfRangeError, match="'availability'"):
        levelised_cost_per_gpu_hour(Q_(1, "USD"), Q_(1, "USD/year"), 8, 0.0)


def test_year_constant():
    assert YEAR_S == Q_(1, "year").m_as("s")
