"""Tests of coolsim.hydraulics: validation against published values and the
``fluids`` library (test-only oracle), hypothesis properties, and bad inputs.

Every number used in a validation test is traced in tests/data/sources/hydraulics.md.
"""

import math

import fluids.friction as ff
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim import hydraulics as hy
from coolsim.errors import ConvergenceError, OutOfRangeError, UnitError, ValidityRangeError
from tests.strategies import floats, volumetric_flow_q

WATER = dict(density=Q_(997.0, "kg/m**3"), viscosity=Q_(0.89, "mPa*s"))

# Module-specific strategies (SI).
re_turbulent = st.floats(4.0e3, 1.0e8)  # Colebrook's range, outside the transitional band
rel_rough = st.one_of(st.just(0.0), floats(1e-7, 0.05))
exponent = floats(1.0, 2.0)


def _oracle(func, re, rr):
    """fluids evaluated element by element with Python floats (its scalar API)."""
    return np.array([func(float(r), float(e)) for r, e in zip(np.ravel(re), np.ravel(rr))]).reshape(np.shape(re))


# ---------------------------------------------------------------------------
# Validation against published values
# ---------------------------------------------------------------------------
def test_friction_factor_colebrook_R12():
    # R12: Colebrook at Re 1e5, ε/D 1e-4 -> 0.018513866 (9 decimals given); tol 1e-8
    # as listed in validation-cases.md (the solver converges to ~1e-15).
    assert hy.friction_factor_colebrook(1e5, 1e-4) == pytest.approx(0.018513866, abs=1e-8)


def test_friction_factor_churchill_R13():
    # R13: Churchill (1977) at Re 1e5, ε/D 1e-4 -> 0.0184626 (7 decimals given); tol 1e-6.
    assert hy.friction_factor_churchill(1e5, 1e-4) == pytest.approx(0.0184626, abs=1e-6)


def test_pipe_pressure_drop_cengel_cimbala_example_8_3():
    # Cengel & Cimbala (2006) Example 8-3: water at 60 °F in a 2-in stainless pipe,
    # 0.2 ft³/s, 200 ft. The book prints 3 significant figures, so each value is
    # checked to half a unit in its last printed digit.
    rho, mu = Q_(62.36, "lb/ft**3"), Q_(7.536e-4, "lb/(ft*s)")
    flow, d, length, eps = Q_(0.2, "ft**3/s"), Q_(2, "inch"), Q_(200, "ft"), Q_(7e-6, "ft")
    assert hy.flow_velocity(flow, d).m_as("ft/s") == pytest.approx(9.17, abs=0.005)
    re = hy.reynolds_number_from_flow(flow, d, rho, mu)
    assert re == pytest.approx(126_400, abs=50)
    assert hy.friction_factor_colebrook(re, eps.m_as("ft") / (2 / 12)) == pytest.approx(0.0174, abs=5e-5)
    dp = hy.pipe_pressure_drop(flow, d, length, rho, mu, eps)
    assert dp.m_as("lbf/ft**2") == pytest.approx(1700, abs=5)
    assert dp.m_as("psi") == pytest.approx(11.8, abs=0.05)
    assert (dp / (rho * Q_(1, "standard_gravity"))).m_as("ft") == pytest.approx(27.3, abs=0.05)
    assert (dp * flow).m_as("hp") == pytest.approx(0.62, abs=0.005)


def test_fitting_k_crane_fluids_ft_crane():
    # fluids.ft_Crane rebuilds Crane TP-410's f_T table (Colebrook with a size-dependent
    # roughness); our fully rough f_T at 0.0018 in agrees within 3 % from 1/2 to 24 in,
    # the ±2 % spread being how Crane's table itself departs from one roughness.
    d_in = np.array([0.622, 0.824, 1.049, 1.38, 1.61, 2.067, 3.068, 4.026, 6.065, 10.02, 23.25])
    k = hy.fitting_k_crane(1.0, Q_(d_in, "inch"))
    ref = np.array([ff.ft_Crane(d * 0.0254) for d in d_in])
    np.testing.assert_allclose(k, ref, rtol=0.03)
    # A 90° standard elbow in 2-in schedule 40: 30·f_T with f_T ≈ 0.019 (TP-410 A-26).
    assert hy.fitting_k_crane(hy.LD_ELBOW_90_STANDARD, Q_(2.067, "inch")) == pytest.approx(30 * 0.019, rel=0.01)


# ---------------------------------------------------------------------------
# Grid comparison with fluids (test-only oracle)
# ---------------------------------------------------------------------------
RE_GRID = np.logspace(math.log10(4e3), 8, 41)
RR_GRID = np.r_[0.0, np.logspace(-6, math.log10(0.05), 12)]
RE2, RR2 = np.meshgrid(RE_GRID, RR_GRID)


def test_friction_factor_colebrook_fluids_grid():
    # Both solve the same implicit equation (fluids in closed form via Lambert W):
    # agreement to 1e-12 relative shows the Newton solve is converged (measured 2e-14).
    np.testing.assert_allclose(hy.friction_factor_colebrook(RE2, RR2), _oracle(ff.Colebrook, RE2, RR2), rtol=1e-12)


def test_friction_factor_churchill_fluids_grid():
    # Same explicit formula over all regimes (Re 1e-2 … 1e8); our log-space evaluation
    # must match to round-off (1e-12 relative; measured 2e-15).
    re = np.logspace(-2, 8, 61)
    r, e = np.meshgrid(re, RR_GRID)
    np.testing.assert_allclose(hy.friction_factor_churchill(r, e), _oracle(ff.Churchill_1977, r, e), rtol=1e-12)


def test_friction_factor_laminar_fluids():
    re = np.linspace(1.0, 2299.0, 50)
    ref = np.array([ff.friction_laminar(float(r)) for r in re])
    np.testing.assert_allclose(hy.friction_factor_laminar(re), ref, rtol=1e-15)  # same formula


def test_friction_factor_churchill_close_to_colebrook():
    # Documented accuracy of Churchill vs Colebrook on the turbulent grid: 3.1 % (3.02 % at
    # Re 4000, ε/D 0.019), 2 % above Re 1e4.
    ratio = hy.friction_factor_churchill(RE2, RR2) / hy.friction_factor_colebrook(RE2, RR2)
    assert np.max(np.abs(ratio - 1)) < 0.031
    assert np.max(np.abs(ratio[RE2 >= 1e4] - 1)) < 0.02


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
@given(re1=re_turbulent, re2=re_turbulent, rr=rel_rough)
def test_friction_factor_decreases_with_re(re1, re2, rr):
    lo, hi = sorted((re1, re2))
    assert hy.friction_factor_colebrook(hi, rr) <= hy.friction_factor_colebrook(lo, rr) * (1 + 1e-13)
    # Churchill's transition blend still rises up to Re ≈ 4600 (documented): from 5000 on.
    lo, hi = max(lo, 5e3), max(hi, 5e3)
    assert hy.friction_factor_churchill(hi, rr) <= hy.friction_factor_churchill(lo, rr) * (1 + 1e-13)


@given(re=re_turbulent, rr1=rel_rough, rr2=rel_rough)
def test_friction_factor_increases_with_roughness(re, rr1, rr2):
    lo, hi = sorted((rr1, rr2))
    for f in (hy.friction_factor_colebrook, hy.friction_factor_churchill):
        assert f(re, hi) >= f(re, lo) * (1 - 1e-13)


@given(re=re_turbulent, rr=rel_rough)
def test_friction_factor_colebrook_solves_equation(re, rr):
    # The returned f satisfies Colebrook's equation to the solver tolerance.
    f = hy.friction_factor_colebrook(re, rr)
    x = 1 / math.sqrt(f)
    assert x == pytest.approx(-2 * math.log10(rr / 3.7 + 2.51 * x / re), rel=1e-12)


@given(re=floats(1e-3, 1e3), rr=rel_rough)
def test_friction_factor_churchill_laminar_limit(re, rr):
    # Below Re 1e3 Churchill's turbulent term is < 1e-12 of the laminar one.
    assert hy.friction_factor_churchill(re, rr) == pytest.approx(64 / re, rel=1e-10)


@given(re=floats(1e6, 4e7), rr=floats(0.01, 0.05))
def test_pipe_pressure_drop_quadratic_when_fully_rough(re, rr):
    # In fully rough flow f hardly depends on Re, so Δp ∝ Q²; at Re ≥ 1e6 and ε/D ≥ 0.01
    # the residual Re dependence changes f by < 0.2 % when Q doubles: tolerance 0.5 %.
    d, rho, mu = 0.1, 1000.0, 1e-3
    q = re * mu * math.pi * d / (4 * rho)
    dp1 = hy.pipe_pressure_drop.si(q, d, 10.0, rho, mu, rr * d)
    dp2 = hy.pipe_pressure_drop.si(2 * q, d, 10.0, rho, mu, rr * d)
    assert dp2 / dp1 == pytest.approx(4.0, rel=5e-3)


@given(flow=floats(0.0, 0.01), dp=st.lists(floats(1e3, 1e5), min_size=1, max_size=5),
       qr=floats(1e-4, 1e-2), n=exponent)
def test_series_branches_sum(flow, dp, qr, n):
    total = hy.series_branches(Q_(flow, "m**3/s"), Q_(dp, "Pa"), Q_(qr, "m**3/s"), n)
    parts = [hy.system_pressure(Q_(flow, "m**3/s"), Q_(p, "Pa"), Q_(qr, "m**3/s"), n).m for p in dp]
    assert total.m == pytest.approx(sum(parts), rel=1e-12)


@given(flow=floats(1e-6, 0.05), dp=st.lists(floats(1e3, 1e5), min_size=2, max_size=5),
       qr=floats(1e-4, 1e-2), data=st.data())
def test_parallel_branches_continuity_and_equal_dp(flow, dp, qr, data):
    # Both the analytic (one exponent) and the Newton (mixed exponents) paths:
    # branch flows add up to the total and every branch sees the common Δp (1e-10).
    mixed = data.draw(st.lists(exponent, min_size=len(dp), max_size=len(dp)))
    for n in (data.draw(exponent), mixed):
        q, p = hy.parallel_branches(Q_(flow, "m**3/s"), Q_(dp, "Pa"), Q_(qr, "m**3/s"), n)
        assert q.m.sum() == pytest.approx(flow, rel=1e-10)
        k = hy.system_resistance.si(np.array(dp), qr, np.asarray(n))
        np.testing.assert_allclose(hy.system_pressure_si(q.m, k, np.asarray(n)), p.m, rtol=1e-10)


@given(re=st.lists(re_turbulent, min_size=1, max_size=8), rr=rel_rough)
def test_friction_factor_array_equals_scalars(re, rr):
    arr = hy.darcy_friction_factor(np.array(re), rr)
    np.testing.assert_array_equal(arr, [hy.darcy_friction_factor(r, rr) for r in re])


@given(flows=st.lists(floats(0.0, 2e-3), min_size=1, max_size=8))
def test_pipe_pressure_drop_array_equals_scalars(flows):
    args = (Q_(12, "mm"), Q_(3, "m"), WATER["density"], WATER["viscosity"], Q_(1.5, "um"))
    arr = hy.pipe_pressure_drop(Q_(np.array(flows), "m**3/s"), *args).m
    assert np.array_equal(arr, [hy.pipe_pressure_drop(Q_(f, "m**3/s"), *args).m for f in flows])


@given(data=st.data(), flow=floats(1e-6, 5e-3))
def test_pipe_pressure_drop_unit_invariance(data, flow):
    # The strategies' conversion factors carry 10 significant digits: tolerance 1e-8.
    q = data.draw(volumetric_flow_q(flow))
    args = (Q_(20, "mm"), Q_(5, "m"), WATER["density"], WATER["viscosity"])
    assert hy.pipe_pressure_drop(q, *args).m == pytest.approx(
        hy.pipe_pressure_drop(Q_(flow, "m**3/s"), *args).m, rel=1e-8)


def test_pipe_pressure_drop_gpm_lpm_si_agree():
    args = (Q_(1, "inch"), Q_(10, "m"), WATER["density"], WATER["viscosity"])
    si = hy.pipe_pressure_drop(Q_(10, "gpm").to("m**3/s"), *args).m
    assert hy.pipe_pressure_drop(Q_(10, "gpm"), *args).m == pytest.approx(si, rel=1e-14)
    assert hy.pipe_pressure_drop(Q_(10, "gpm").to("L/min"), *args).m == pytest.approx(si, rel=1e-14)


def test_pipe_pressure_drop_laminar_is_hagen_poiseuille_and_zero_at_rest():
    # Re ≈ 240: Δp = 128 μ L Q /(π D⁴) exactly; zero flow gives zero drop.
    q, d, length, mu = 1e-6, 5e-3, 2.0, 1e-3
    dp = hy.pipe_pressure_drop.si(np.array([0.0, q]), d, length, 1000.0, mu)
    np.testing.assert_allclose(dp, [0.0, 128 * mu * length * q / (math.pi * d**4)], rtol=1e-14)


def test_loop_pressure_drop_is_sum_of_pipes_and_fittings():
    d = Q_(25, "mm")
    k = 4 * hy.fitting_k_crane(hy.LD_ELBOW_90_STANDARD, d) + hy.K_EXIT
    segs = [hy.PipeSegment(Q_(10, "m"), d, Q_(45, "um"), k), hy.PipeSegment(Q_(2, "m"), Q_(15, "mm"))]
    flow = Q_([5.0, 20.0], "L/min")
    total = hy.loop_pressure_drop(flow, segs, **WATER)
    v = hy.flow_velocity(flow, d)
    parts = (hy.pipe_pressure_drop(flow, d, Q_(10, "m"), **WATER, roughness=Q_(45, "um"))
             + hy.minor_loss_pressure_drop(k, WATER["density"], v)
             + hy.pipe_pressure_drop(flow, Q_(15, "mm"), Q_(2, "m"), **WATER))
    np.testing.assert_allclose(total.m, parts.m, rtol=1e-13)


def test_darcy_friction_factor_switch_and_correlation_choice():
    re = np.array([2299.0, 2300.0, 1e5])
    f = hy.darcy_friction_factor(re, 1e-4)
    assert f[0] == 64 / 2299.0 and f[1] == hy.friction_factor_colebrook(2300.0, 1e-4)
    assert hy.darcy_friction_factor(1e5, 1e-4, turbulent=hy.friction_factor_churchill) == \
        hy.friction_factor_churchill(1e5, 1e-4)


def test_hydraulic_diameter_rectangular_limits():
    assert hy.hydraulic_diameter_rectangular(Q_(2, "mm"), Q_(2, "mm")).m == pytest.approx(2e-3, rel=1e-15)
    assert hy.hydraulic_diameter_rectangular(Q_(1e6, "mm"), Q_(1, "mm")).m == pytest.approx(2e-3, rel=1e-5)


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------
PIPE = dict(diameter=Q_(20, "mm"), length=Q_(1, "m"), **WATER)


@pytest.mark.parametrize("kwargs, error, name", [
    (dict(PIPE, flow=Q_(-1, "L/min")), OutOfRangeError, "flow"),
    (dict(PIPE, flow=Q_(1, "L/min"), diameter=Q_(0, "mm")), OutOfRangeError, "diameter"),
    (dict(PIPE, flow=Q_(1, "L/min"), density=Q_(float("nan"), "kg/m**3")), OutOfRangeError, "density"),
    (dict(PIPE, flow=Q_(1, "L/min"), diameter=Q_(20, "kg")), UnitError, "diameter"),
    (dict(PIPE, flow=1.0), UnitError, "flow"),
    (dict(PIPE, flow=Q_(1, "L/min"), roughness=Q_(2, "mm")), ValidityRangeError, "roughness"),
    (dict(PIPE, flow=Q_(1e6, "m**3/s")), ValidityRangeError, "flow"),  # Re > 1e8
])
def test_pipe_pressure_drop_bad_input(kwargs, error, name):
    with pytest.raises(error, match=f"'{name}'"):
        hy.pipe_pressure_drop(**kwargs)


@pytest.mark.parametrize("func, args, error, name", [
    (hy.friction_factor_colebrook, (1000.0, 1e-4), ValidityRangeError, "re"),
    (hy.friction_factor_colebrook, (2e8, 1e-4), ValidityRangeError, "re"),
    (hy.friction_factor_colebrook, (1e5, 0.06), ValidityRangeError, "relative_roughness"),
    (hy.friction_factor_colebrook, (np.array([1e5, np.nan]), 1e-4), OutOfRangeError, "re"),
    (hy.friction_factor_colebrook, (1e5, -1e-4), OutOfRangeError, "relative_roughness"),
    (hy.friction_factor_churchill, (1e5, 0.051), ValidityRangeError, "relative_roughness"),
    (hy.friction_factor_churchill, (0.0, 1e-4), OutOfRangeError, "re"),
    (hy.friction_factor_laminar, (3000.0,), ValidityRangeError, "re"),
    (hy.darcy_friction_factor, (np.array([1e3, 1e9]), 0.0), ValidityRangeError, "re"),
    (hy.fitting_k_crane, (30.0, Q_(0.5, "mm")), ValidityRangeError, "diameter"),
    (hy.system_resistance, (Q_(1, "kPa"), Q_(1, "L/s"), 2.5), OutOfRangeError, "n"),
    (hy.parallel_branches, (Q_(1, "L/s"), Q_([1, -1], "kPa"), Q_(1, "L/s")), OutOfRangeError, "dp_ref"),
    (hy.series_branches, (Q_(1, "L/s"), Q_([1, 2], "kPa"), Q_(1, "L")), UnitError, "q_ref"),
    (hy.PipeSegment, (Q_(-1, "m"), Q_(1, "inch")), OutOfRangeError, "length"),
    (hy.PipeSegment, (Q_(1, "m"), Q_(1, "inch"), 0.1), UnitError, "roughness"),
])
def test_bad_input(func, args, error, name):
    with pytest.raises(error, match=f"'{name}'"):
        func(*args)


def test_friction_factor_colebrook_convergence_error(monkeypatch):
    # One Newton step cannot reach 1e-12 from Swamee–Jain: the error must be raised, not a
    # silently unconverged value returned.
    monkeypatch.setattr(hy.friction, "_MAXITER", 1)
    with pytest.raises(ConvergenceError, match="friction_factor_colebrook"):
        hy.friction_factor_colebrook(1e5, 1e-4)
