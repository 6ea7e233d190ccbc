"""Tests of coolsim.coolants: validation (R15, datasheets), CoolProp oracle, properties, bad input."""

import math

import numpy as np
import pytest
from CoolProp.CoolProp import PropsSI
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.coolants import (
    MINERAL_OIL_PNF,
    NOVEC_649,
    NOVEC_7100,
    Coolant,
    TwoPhaseFluid,
    by_name,
    ethylene_glycol,
    propylene_glycol,
    water,
)
from coolsim.errors import CoolsimError, OutOfRangeError, UnitError
from tests.strategies import floats, temperature_q

ALL = [water(), propylene_glycol(0.3), ethylene_glycol(0.4), NOVEC_7100, NOVEC_649, MINERAL_OIL_PNF]
IDS = [c.name for c in ALL]


def _inside(c):
    """Strategy: temperatures strictly inside a coolant's valid range [K]."""
    return floats(c.t_min + 1e-6, c.t_max - 1e-6)


# --------------------------------------------------------------------------- validation
def test_propylene_glycol_r15_melinder():
    # R15: PG 30 % by mass at 20 °C.  Tolerances from validation-cases.md: freezing
    # ±0.5 K, cp ±2 %, ρ ±0.5 % (ASHRAE/Melinder table rounding and fit error).
    pg = propylene_glycol(0.30)
    assert abs((pg.freezing_point - 273.15) - (-12.8)) <= 0.5
    assert pg.specific_heat(Q_(20, "degC")).m == pytest.approx(3857.0, rel=0.02)
    assert pg.density(Q_(20, "degC")).m == pytest.approx(1023.8, rel=0.005)


@pytest.mark.parametrize(
    "fluid, rho, cp, mu, k, sigma, tb_c, hfg",
    [
        # 3M datasheets, all at 25 °C; the fluid is anchored there, so 0.5 % covers only
        # the table interpolation (Novec 649 ρ/cp come from the EOS, 0.2 % from datasheet).
        (NOVEC_7100, 1510.0, 1183.0, 0.58e-3, 0.069, 13.6e-3, 61.0, 112e3),
        (NOVEC_649, 1600.0, 1103.0, 0.64e-3, 0.059, 10.8e-3, 49.0, 88e3),
    ],
    ids=["novec7100", "novec649"],
)
def test_two_phase_fluid_3m_datasheet(fluid, rho, cp, mu, k, sigma, tb_c, hfg):
    T = 298.15
    assert fluid.density_si(T) == pytest.approx(rho, rel=0.005)
    assert fluid.specific_heat_si(T) == pytest.approx(cp, rel=0.005)
    assert fluid.viscosity_si(T) == pytest.approx(mu, rel=0.005)
    assert fluid.conductivity_si(T) == pytest.approx(k, rel=0.005)
    assert fluid.surface_tension_si(T) == pytest.approx(sigma, rel=1e-9)  # anchor, exact
    assert fluid.boiling_point - 273.15 == pytest.approx(tb_c, abs=1e-9)
    assert fluid.latent_heat_si == pytest.approx(hfg, rel=1e-9)


def test_novec_7100_datasheet_gwp_and_expansion():
    # Datasheet GWP 297 (exact record); expansion coefficient 0.0018 1/K vs the HFE2
    # shape used: a 25 % band, because the two 3M sources differ (HFE2 slope ≈ 0.0015).
    assert NOVEC_7100.gwp == 297.0 and NOVEC_649.gwp == 1.0
    beta = -(NOVEC_7100.density_si(308.15) - NOVEC_7100.density_si(288.15)) / 20.0 / 1510.0
    assert beta == pytest.approx(0.0018, rel=0.25)


def test_novec_649_coolprop_eos_cross_check():
    # Datasheet Tb 49 °C, h_fg 88 kJ/kg vs the McLinden (2015) EOS in CoolProp: ±0.2 K
    # and ±1 % (datasheet rounding to whole units); vapour density is taken from the EOS.
    tb = PropsSI("T", "P", 101325, "Q", 0, "Novec649")
    hfg = PropsSI("H", "P", 101325, "Q", 1, "Novec649") - PropsSI("H", "P", 101325, "Q", 0, "Novec649")
    assert NOVEC_649.boiling_point == pytest.approx(tb, abs=0.2)
    assert NOVEC_649.latent_heat_si == pytest.approx(hfg, rel=0.01)
    assert NOVEC_649.vapour_density_si == pytest.approx(PropsSI("D", "P", 101325, "Q", 1, "Novec649"), rel=1e-3)


def test_novec_7100_vapour_density_ideal_gas():
    # ρ_v = p M / (R T_b) with the datasheet M = 250 g/mol and T_b = 61 °C: 9.12 kg/m³.
    assert NOVEC_7100.vapour_density_si == pytest.approx(101325 * 0.250 / (8.314462618 * 334.15), rel=1e-12)
    assert NOVEC_7100.vapour_density_si == pytest.approx(9.12, abs=0.01)


def test_novec_7100_shape_follows_coolprop_hfe2():
    # The temperature shape is CoolProp INCOMP::HFE2's, scaled at 25 °C: the ratio
    # property(T)/property(25 °C) must match HFE2's to 1e-4 (table interpolation only).
    T = np.linspace(195.0, 334.0, 15)
    for i, p in enumerate("DCVL"):
        ref = np.array([PropsSI(p, "T", t, "P", 101325, "INCOMP::HFE2") for t in T])
        ref25 = PropsSI(p, "T", 298.15, "P", 101325, "INCOMP::HFE2")
        core = (NOVEC_7100.density_si, NOVEC_7100.specific_heat_si, NOVEC_7100.viscosity_si,
                NOVEC_7100.conductivity_si)[i]
        np.testing.assert_allclose(core(T) / core(298.15), ref / ref25, rtol=1e-4)


# --------------------------------------------------------------------------- CoolProp oracle
@pytest.mark.parametrize(
    "coolant, fluid, pressure",
    [
        (water(), "Water", 2.0e5),
        (propylene_glycol(0.25), "INCOMP::MPG[0.25]", 101325),
        (ethylene_glycol(0.5), "INCOMP::MEG[0.5]", 101325),
        (MINERAL_OIL_PNF, "INCOMP::PNF", 101325),
    ],
    ids=["water", "pg25", "eg50", "pnf"],
)
def test_table_matches_coolprop_over_grid(coolant, fluid, pressure):
    # Cached 0.1 K table vs direct CoolProp at off-grid points: 2e-4 relative for all
    # four properties (linear interpolation of smooth fits; log μ for viscosity).
    T = np.linspace(coolant.t_min + 0.0537, coolant.t_max - 0.0537, 97)
    cores = (coolant.density_si, coolant.specific_heat_si, coolant.viscosity_si, coolant.conductivity_si)
    for core, p in zip(cores, "DCVL"):
        ref = np.array([PropsSI(p, "T", t, "P", pressure, fluid) for t in T])
        np.testing.assert_allclose(core(T), ref, rtol=2e-4, err_msg=p)


def test_glycol_freezing_point_is_coolprop_t_freeze():
    # The lower limit is CoolProp's own T_freeze (Melinder fit): exact.
    for x in (0.1, 0.3, 0.5):
        tf = PropsSI("T_freeze", "T", 300, "P", 101325, f"INCOMP::MEG[{x}]")
        assert ethylene_glycol(x).freezing_point == pytest.approx(tf, abs=1e-9)


# --------------------------------------------------------------------------- properties
@given(floats(277.15, 372.0), floats(0.5, 20.0))
def test_water_density_decreases_above_4c(t, dt):
    w = water()
    assert w.density_si(min(t + dt, 373.15)) < w.density_si(t)


@pytest.mark.parametrize("coolant", ALL, ids=IDS)
@given(data=st.data())
def test_viscosity_decreases_with_temperature(coolant, data):
    t1 = data.draw(_inside(coolant))
    t2 = data.draw(_inside(coolant).filter(lambda t: t > t1 + 0.2))
    assert coolant.viscosity_si(t2) < coolant.viscosity_si(t1)


@pytest.mark.parametrize("coolant", ALL, ids=IDS)
@given(data=st.data())
def test_array_equals_scalar_calls(coolant, data):
    T = np.array(data.draw(st.lists(_inside(coolant), min_size=1, max_size=6)))
    for core in (coolant.density_si, coolant.specific_heat_si, coolant.viscosity_si,
                 coolant.conductivity_si, coolant.prandtl_si, coolant.kinematic_viscosity_si):
        arr = core(T)
        assert arr.shape == T.shape
        assert np.array_equal(arr, np.array([core(float(t)) for t in T]))
    T2 = T.reshape(-1, 1) * np.ones((1, 2))  # broadcasting keeps shape
    assert coolant.density_si(T2).shape == T2.shape


@pytest.mark.parametrize("coolant", ALL, ids=IDS)
@given(data=st.data())
def test_unit_invariance(coolant, data):
    t = data.draw(_inside(coolant).filter(lambda t: coolant.t_min + 1e-3 < t < coolant.t_max - 1e-3))
    q = data.draw(temperature_q(t))
    # The Quantity round-trip through degF/degR costs a few ulp of T: 1e-9 relative.
    assert coolant.density(q).m == pytest.approx(coolant.density_si(t), rel=1e-9)
    assert coolant.prandtl(q) == pytest.approx(coolant.prandtl_si(t), rel=1e-9)


@pytest.mark.parametrize("coolant", ALL, ids=IDS)
def test_derived_properties_consistent(coolant):
    T = np.linspace(coolant.t_min, coolant.t_max, 11)
    np.testing.assert_allclose(coolant.kinematic_viscosity_si(T), coolant.viscosity_si(T) / coolant.density_si(T))
    np.testing.assert_allclose(
        coolant.prandtl_si(T), coolant.specific_heat_si(T) * coolant.viscosity_si(T) / coolant.conductivity_si(T)
    )


@given(floats(0.01, 0.6))
def test_more_glycol_freezes_lower(x):
    assert propylene_glycol(x).freezing_point < water().freezing_point
    if x <= 0.59:
        assert propylene_glycol(x + 0.01).freezing_point < propylene_glycol(x).freezing_point


def test_surface_tension_falls_towards_boiling():
    for f in (NOVEC_7100, NOVEC_649):
        assert 0.0 < f.surface_tension_si(f.boiling_point) < f.sigma_ref
        assert f.surface_tension(Q_(20, "degC")).units == Q_(1, "N/m").units


def test_by_name_spellings():
    assert by_name("Water") is water()
    assert by_name("PG 30 %") is propylene_glycol(0.3)
    assert by_name("propylene_glycol_30") is propylene_glycol(0.3)
    assert by_name("eg-40") is ethylene_glycol(Q_(40, "percent"))
    assert by_name("Novec 649") is NOVEC_649 and by_name("HFE-7100") is NOVEC_7100
    assert by_name("mineral oil") is MINERAL_OIL_PNF
    assert isinstance(NOVEC_649, TwoPhaseFluid) and isinstance(water(), Coolant)


# --------------------------------------------------------------------------- bad input
def _raises(exc, fn, *words):
    with pytest.raises(exc) as info:
        fn()
    assert isinstance(info.value, CoolsimError)
    for w in words:
        assert w in str(info.value), str(info.value)


def test_glycol_below_freezing():
    _raises(OutOfRangeError, lambda: propylene_glycol(0.3).density(Q_(-20, "degC")), "'T'", "freezing", "-12.79")


def test_water_below_zero():
    _raises(OutOfRangeError, lambda: water().viscosity_si(272.0), "'T'", "freezing point of water")


def test_fluid_outside_datasheet_range():
    _raises(OutOfRangeError, lambda: NOVEC_649.density(Q_(60, "degC")), "Novec 649", "'T'", "49.00 °C")
    _raises(OutOfRangeError, lambda: NOVEC_7100.viscosity_si(np.array([300.0, 150.0])), "Novec 7100", "-80.00 °C")
    _raises(OutOfRangeError, lambda: MINERAL_OIL_PNF.conductivity_si(600.0), "Paratherm", "315.00 °C")


def test_nan_temperature():
    _raises(OutOfRangeError, lambda: water().density(Q_(math.nan, "degC")), "'T'", "finite")
    _raises(OutOfRangeError, lambda: NOVEC_649.density_si(np.array([300.0, math.nan])), "'T'", "finite")


@pytest.mark.parametrize("bad", [0.0, -0.1, 0.61, 30, math.nan, Q_(70, "percent")])
def test_concentration_out_of_range(bad):
    _raises(OutOfRangeError, lambda: propylene_glycol(bad), "'mass_fraction'", "(0, 0.6]")


def test_concentration_in_percent_hint():
    _raises(OutOfRangeError, lambda: ethylene_glycol(25), "Q_(25, 'percent')")


def test_delta_degc_misuse_and_wrong_dimension():
    _raises(UnitError, lambda: water().density(Q_(20, "delta_degC")), "'T'", "difference")
    _raises(UnitError, lambda: water().density(Q_(20, "m")), "'T'", "temperature")
    _raises(UnitError, lambda: water().density(293.15), "'T'", "units")
    _raises(UnitError, lambda: propylene_glycol(Q_(30, "kg")), "'mass_fraction'")


def test_unknown_name_suggests():
    _raises(OutOfRangeError, lambda: by_name("novek 649"), "'name'", "novec649")
    _raises(OutOfRangeError, lambda: by_name(7100), "'name'")
