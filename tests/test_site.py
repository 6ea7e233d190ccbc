"""Sites: design conditions of the built-in climates, humidity from wet bulb or dew point, errors."""

import numpy as np
import pytest

from coolsim import Q_
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.site import DESIGN_SITES, Site, design_site


def test_design_site_values_from_ashrae_2009():
    # Sterling, VA: 0.4 % cooling DB 34.1 °C, 0.4 % evaporation WB 25.4 °C, 82 m
    # (ASHRAE HoF 2009 via the TMY3 EPW header; tests/data/SOURCES.md, weather section).
    s = design_site("sterling-va")
    assert s.dry_bulb.m_as("degC") == pytest.approx(34.1)
    assert s.wet_bulb.m_as("degC") == pytest.approx(25.4)
    assert s.si.pressure == pytest.approx(101325 * (1 - 2.25577e-5 * 82) ** 5.2559, rel=1e-9)


def test_every_design_site_builds_and_is_physical():
    for key in DESIGN_SITES:
        s = design_site(key).si
        assert s.dew_point <= s.wet_bulb <= s.dry_bulb


def test_unknown_site_suggests_the_closest():
    with pytest.raises(OutOfRangeError, match="did you mean 'tampa-fl'"):
        design_site("tampa")


def test_dew_point_path_matches_the_wet_bulb_path():
    # Giving the dew point (as weather files do) must describe the same air as
    # solving it from the wet bulb: 1e-6 relative on W (solver tolerance 1e-8 K).
    a = Site("x", Q_(30, "degC"), Q_(22, "degC"))
    b = Site("x", Q_(30, "degC"), Q_(22, "degC"), dew_point=Q_(a.si.dew_point, "K"))
    assert b.si.humidity_ratio == pytest.approx(a.si.humidity_ratio, rel=1e-6)


def test_hourly_arrays_broadcast():
    s = Site("x", Q_(np.array([10.0, 20.0, 30.0]), "degC"), Q_(np.array([8.0, 15.0, 24.0]), "degC"))
    assert s.si.humidity_ratio.shape == (3,)


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        (dict(dry_bulb=Q_(20, "degC"), wet_bulb=Q_(25, "degC")), OutOfRangeError, "wet_bulb"),
        (dict(dry_bulb=Q_(20, "delta_degC"), wet_bulb=Q_(15, "degC")), UnitError, "dry_bulb"),
        (dict(dry_bulb=Q_(20, "degC"), wet_bulb=Q_(15, "degC"), elevation=Q_(9000, "m")), OutOfRangeError, "elevation"),
        (dict(dry_bulb=Q_(20, "degC"), wet_bulb=Q_(15, "degC"), dew_point=Q_(18, "degC")), OutOfRangeError, "dew_point"),
        (dict(dry_bulb=Q_(float("nan"), "degC"), wet_bulb=Q_(15, "degC")), OutOfRangeError, "dry_bulb"),
    ],
)
def test_bad_site_inputs(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        Site("bad", **kwargs)
