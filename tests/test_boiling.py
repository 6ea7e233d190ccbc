"""Tests of coolsim.boiling: validation (R25, B5), ht oracle grids, properties, bad inputs.

Reference numbers are traced in tests/data/sources/convection.md.
"""

import numpy as np
import pytest
from hypothesis import given

from coolsim import Q_
from coolsim.boiling import (
    LIENHARD_DHIR_K,
    ZUBER_K,
    chf_margin,
    critical_heat_flux_zuber,
    rohsenow_heat_flux,
    rohsenow_wall_superheat,
)
from coolsim.errors import OutOfRangeError, UnitError, ValidityRangeError
from tests.strategies import floats

ht_boiling = pytest.importorskip("ht.boiling_nucleic")

# R25 (Serth, as reproduced in ht's Zuber doctest)
R25 = dict(surface_tension=Q_(8.2e-3, "N/m"), latent_heat=Q_(272, "kJ/kg"),
           density_liquid=Q_(567, "kg/m**3"), density_vapor=Q_(18.09, "kg/m**3"))

# An FC-72-like saturated liquid at 1 atm, for the Rohsenow properties (illustrative values
# of the right magnitude, not a validation input): sigma, h_fg, rho_l, rho_v, mu_l, k_l, cp_l.
FC72_LIKE = (8.4e-3, 88e3, 1620.0, 13.3, 4.5e-4, 0.054, 1100.0)


def _props_q(p):
    s, h, rl, rv, mu, k, cp = p
    return (Q_(s, "N/m"), Q_(h, "J/kg"), Q_(rl, "kg/m**3"), Q_(rv, "kg/m**3"), Q_(mu, "Pa*s"),
            Q_(k, "W/(m*K)"), Q_(cp, "J/(kg*K)"))


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("k, expected_kw", [(LIENHARD_DHIR_K, 444.3), (0.18, 536.7)])
def test_critical_heat_flux_zuber_serth(k, expected_kw):
    # R25: 444.3 / 536.7 kW/m^2; 1e-4 relative (printed to 4 significant figures).
    q = critical_heat_flux_zuber(**R25, k=k)
    assert q.m_as("kW/m**2") == pytest.approx(expected_kw, rel=1e-4)


def test_zuber_constants():
    # Named constants: pi/24 (Zuber 1959) and 0.149 (Lienhard & Dhir 1973). Exact.
    assert ZUBER_K == pytest.approx(0.1309, abs=5e-5)
    assert LIENHARD_DHIR_K == 0.149


# Saturated properties at 1 atm. sigma, h_fg and rho_l: 3M product information (25 degC
# datasheet values, see the sources fragment); rho_v: CoolProp saturated vapour at 1 atm
# (Novec649 / n-Perfluorohexane equations of state), checked against CoolProp below.
DIELECTRICS = {
    "Novec 649": dict(sigma=10.8e-3, h_fg=88e3, rho_l=1600.0, rho_v=12.78, coolprop="Novec649"),
    "FC-72": dict(sigma=10.0e-3, h_fg=88e3, rho_l=1680.0, rho_v=13.30, coolprop="n-Perfluorohexane"),
}


@pytest.mark.parametrize("fluid", sorted(DIELECTRICS))
@pytest.mark.parametrize("k", [ZUBER_K, LIENHARD_DHIR_K])
def test_critical_heat_flux_zuber_dielectric_plausibility(fluid, k):
    # B5: dielectric pool-boiling CHF lands in 5-20 W/cm^2 (a plausibility band, not a tight
    # test: datasheet properties are at 25 degC, not at saturation).
    p = DIELECTRICS[fluid]
    q = critical_heat_flux_zuber(Q_(p["sigma"], "N/m"), Q_(p["h_fg"], "J/kg"), Q_(p["rho_l"], "kg/m**3"),
                                 Q_(p["rho_v"], "kg/m**3"), k=k)
    assert 5.0 <= q.m_as("W/cm**2") <= 20.0


@pytest.mark.parametrize("fluid", sorted(DIELECTRICS))
def test_dielectric_properties_against_coolprop(fluid):
    # The vapour densities used above are CoolProp's at 1 atm (0.5 % for rounding); the
    # datasheet h_fg agrees with CoolProp within 5 % (FC-72 is an isomer mix of C6F14).
    cp = pytest.importorskip("CoolProp.CoolProp")
    p = DIELECTRICS[fluid]
    name = p["coolprop"]
    rho_v = cp.PropsSI("D", "P", 101325.0, "Q", 1, name)
    h_fg = cp.PropsSI("H", "P", 101325.0, "Q", 1, name) - cp.PropsSI("H", "P", 101325.0, "Q", 0, name)
    assert p["rho_v"] == pytest.approx(rho_v, rel=5e-3)
    assert p["h_fg"] == pytest.approx(h_fg, rel=0.05)


# ---------------------------------------------------------------------------
# ht as an oracle
# ---------------------------------------------------------------------------
def test_critical_heat_flux_zuber_matches_ht():
    # Same closed form, same g (9.80665): 1e-12 relative over a property grid.
    sig, hfg, rl, rv, k = np.meshgrid([5e-3, 8.2e-3, 0.0589], [8e4, 2.7e5, 2.26e6], [567.0, 1600.0],
                                      [0.6, 13.3, 18.09], [ZUBER_K, LIENHARD_DHIR_K, 0.18], indexing="ij")
    ours = critical_heat_flux_zuber(Q_(sig, "N/m"), Q_(hfg, "J/kg"), Q_(rl, "kg/m**3"), Q_(rv, "kg/m**3"), k=k)
    ref = [ht_boiling.Zuber(sigma=a, Hvap=b, rhol=c, rhog=d, K=e)
           for a, b, c, d, e in zip(sig.ravel(), hfg.ravel(), rl.ravel(), rv.ravel(), k.ravel())]
    np.testing.assert_allclose(ours.m.ravel(), ref, rtol=1e-12)


WATER = (0.0589, 2.2565e6, 958.4, 0.5977, 2.817e-4, 0.6772, 4216.0)


@pytest.mark.parametrize("props", [WATER, FC72_LIKE])
@pytest.mark.parametrize("c_sf, n", [(0.013, 1.0), (0.0049, 1.7), (0.0101, 1.7)])
def test_rohsenow_matches_ht(props, c_sf, n):
    # Same closed form (ht returns h; q = h * dT): 1e-10 relative, both directions.
    s, h, rl, rv, mu, k, cp = props
    dts = np.array([1.0, 3.0, 8.0])
    q = rohsenow_heat_flux(Q_(dts, "K"), *_props_q(props), c_sf, n)
    ref = [ht_boiling.Rohsenow(rhol=rl, rhog=rv, mul=mu, kl=k, Cpl=cp, Hvap=h, sigma=s, Te=dt, Csf=c_sf, n=n) * dt
           for dt in dts]
    np.testing.assert_allclose(q.m, ref, rtol=1e-10)
    dt_back = rohsenow_wall_superheat(q, *_props_q(props), c_sf, n)
    h_ht = [ht_boiling.Rohsenow(rhol=rl, rhog=rv, mul=mu, kl=k, Cpl=cp, Hvap=h, sigma=s, q=qq, Csf=c_sf, n=n)
            for qq in q.m]
    np.testing.assert_allclose(dt_back.m, q.m / np.array(h_ht), rtol=1e-10)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
@given(q_frac=floats(1e-4, 1.0), c_sf=floats(0.002, 0.02), n=floats(1.0, 1.7))
def test_rohsenow_round_trip(q_frac, c_sf, n):
    props = _props_q(FC72_LIKE)
    chf = critical_heat_flux_zuber(*props[:4], k=LIENHARD_DHIR_K)
    q = chf * q_frac
    dt = rohsenow_wall_superheat(q, *props, c_sf, n)
    assert rohsenow_heat_flux(dt, *props, c_sf, n).m == pytest.approx(q.m, rel=1e-9)


@given(sigma=floats(1e-3, 0.08), h_fg=floats(5e4, 2.5e6), factor=floats(1.01, 2.0))
def test_chf_increases_with_sigma_and_hfg(sigma, h_fg, factor):
    def chf(s, h):
        return critical_heat_flux_zuber(Q_(s, "N/m"), Q_(h, "J/kg"), Q_(1600, "kg/m**3"), Q_(13, "kg/m**3")).m

    assert chf(sigma * factor, h_fg) > chf(sigma, h_fg)
    assert chf(sigma, h_fg * factor) == pytest.approx(factor * chf(sigma, h_fg), rel=1e-12)


@given(sigma=floats(1e-3, 0.08), h_fg=floats(5e4, 2.5e6))
def test_chf_unit_invariance(sigma, h_fg):
    si = critical_heat_flux_zuber(Q_(sigma, "N/m"), Q_(h_fg, "J/kg"), Q_(1600, "kg/m**3"), Q_(13, "kg/m**3"))
    ip = critical_heat_flux_zuber(Q_(sigma * 1000, "dyn/cm"), Q_(h_fg / 2326.0, "Btu/lb"),
                                  Q_(1600 / 16.01846337, "lb/ft**3"), Q_(13, "g/L"),
                                  gravity=Q_(9.80665 / 0.3048, "ft/s**2"))
    # 1e-6: the IT Btu/lb is 2326 J/kg exactly, pint's Btu (1055.056 J) differs by 6e-7.
    assert ip.m == pytest.approx(si.m, rel=1e-6)


@given(floats(1e-3, 0.08), floats(1e-3, 0.08), floats(5e4, 2.5e6))
def test_chf_array_equals_scalars(s1, s2, h_fg):
    common = (Q_(h_fg, "J/kg"), Q_(1600, "kg/m**3"), Q_(13, "kg/m**3"))
    arr = critical_heat_flux_zuber(Q_(np.array([s1, s2]), "N/m"), *common)
    each = [critical_heat_flux_zuber(Q_(s, "N/m"), *common).m for s in (s1, s2)]
    np.testing.assert_allclose(arr.m, each, rtol=1e-14)


def test_chf_margin_feasible_mask():
    # Margin is CHF / (P/A): 15 W/cm^2 over 8 cm^2 holds 120 W at margin 1. Exact arithmetic.
    power = Q_(np.array([60.0, 120.0, 240.0]), "W")
    q, margin, feasible = chf_margin(power, Q_(8, "cm**2"), Q_(15, "W/cm**2"))
    np.testing.assert_allclose(q.m_as("W/cm**2"), [7.5, 15.0, 30.0], rtol=1e-12)
    np.testing.assert_allclose(margin, [2.0, 1.0, 0.5], rtol=1e-12)
    np.testing.assert_array_equal(feasible, [True, True, False])
    _, _, strict = chf_margin(power, Q_(8, "cm**2"), Q_(15, "W/cm**2"), required_margin=1.5)
    np.testing.assert_array_equal(strict, [True, False, False])
    assert chf_margin(Q_(1, "W"), Q_(1, "cm**2"), Q_(15, "W/cm**2"))[2] is True


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------
def _rohsenow_args():
    return _props_q(FC72_LIKE)


@pytest.mark.parametrize("call, error, param", [
    (lambda: critical_heat_flux_zuber(R25["surface_tension"], R25["latent_heat"], Q_(10, "kg/m**3"),
                                      Q_(18, "kg/m**3")), OutOfRangeError, "density_vapor"),
    (lambda: critical_heat_flux_zuber(**R25, k=13.1), OutOfRangeError, "k"),
    (lambda: critical_heat_flux_zuber(Q_(float("nan"), "N/m"), *list(R25.values())[1:]), OutOfRangeError,
     "surface_tension"),
    (lambda: critical_heat_flux_zuber(Q_(-8e-3, "N/m"), *list(R25.values())[1:]), OutOfRangeError,
     "surface_tension"),
    (lambda: critical_heat_flux_zuber(Q_(8e-3, "N"), *list(R25.values())[1:]), UnitError, "surface_tension"),
    (lambda: critical_heat_flux_zuber(8e-3, *list(R25.values())[1:]), UnitError, "surface_tension"),
    (lambda: critical_heat_flux_zuber(R25["surface_tension"], Q_(272, "kJ/kg/K"), *list(R25.values())[2:]),
     UnitError, "latent_heat"),
    (lambda: rohsenow_wall_superheat(Q_(1, "MW/m**2"), *_rohsenow_args(), 0.005, 1.7), ValidityRangeError,
     "heat_flux"),
    (lambda: rohsenow_wall_superheat(Q_([1e4, 1e7], "W/m**2"), *_rohsenow_args(), 0.005, 1.7),
     ValidityRangeError, "heat_flux"),
    (lambda: rohsenow_heat_flux(Q_(200, "K"), *_rohsenow_args(), 0.005, 1.7), ValidityRangeError,
     "delta_t_sat"),
    (lambda: rohsenow_heat_flux(Q_(5, "degC"), *_rohsenow_args(), 0.005, 1.7), UnitError, "delta_t_sat"),
    (lambda: rohsenow_heat_flux(Q_(-5, "K"), *_rohsenow_args(), 0.005, 1.7), OutOfRangeError, "delta_t_sat"),
    (lambda: rohsenow_heat_flux(Q_(5, "K"), *_rohsenow_args(), 0.5, 1.7), OutOfRangeError, "c_sf"),
    (lambda: rohsenow_heat_flux(Q_(5, "K"), *_rohsenow_args(), 0.005, float("nan")), OutOfRangeError, "n"),
    (lambda: chf_margin(Q_(-1, "W"), Q_(1, "cm**2"), Q_(15, "W/cm**2")), OutOfRangeError, "power"),
    (lambda: chf_margin(Q_(1, "W"), Q_(0, "cm**2"), Q_(15, "W/cm**2")), OutOfRangeError, "boiling_area"),
    (lambda: chf_margin(Q_(1, "W"), Q_(1, "cm"), Q_(15, "W/cm**2")), UnitError, "boiling_area"),
    (lambda: chf_margin(Q_(1, "W"), Q_(1, "cm**2"), Q_(15, "W/cm**2"), required_margin=0.5), OutOfRangeError,
     "required_margin"),
])
def test_bad_inputs_raise(call, error, param):
    with pytest.raises(error, match=f"'{param}'"):
        call()
