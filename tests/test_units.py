"""Tests of the unit boundary: data-centre units, the decorator, and the traps."""

import functools
import math
import pathlib
import pickle
import re
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
import multiprocessing

import numpy as np
import pint
import pytest
from hypothesis import given

import coolsim
from coolsim.errors import CoolsimError, OutOfRangeError, UnitError
from coolsim.units import (
    DIMENSIONLESS,
    FRACTION,
    MASS_FLOW,
    POWER,
    SPECIFIC_HEAT,
    TEMPERATURE,
    TEMPERATURE_DIFFERENCE,
    THERMAL_RESISTANCE,
    VOLUMETRIC_FLOW,
    Q_,
    quantity_io,
    to_si,
    ureg,
)

from strategies import (delta_t_k, delta_t_q, floats, power_q, power_w, temperature_k, temperature_q,
                        volumetric_flow_m3s, volumetric_flow_q)

PACKAGE = pathlib.Path(coolsim.__file__).parent


# --- data-centre units ------------------------------------------------------
# Exact conversion factors: 1 ft = 0.3048 m (international foot, 1959);
# 1 US gal = 231 in³ = 3.785411784 L; 1 Btu (IT) = 1055.05585262 J.
@pytest.mark.parametrize(
    "text, si, expected",
    [
        ("1 cfm", "m**3/s", 0.3048**3 / 60),
        ("1 CFM", "m**3/s", 0.3048**3 / 60),
        ("1 gpm", "m**3/s", 3.785411784e-3 / 60),
        ("1 GPM", "m**3/s", 3.785411784e-3 / 60),
        ("1 lpm", "m**3/s", 1e-3 / 60),
        ("1 L/min", "m**3/s", 1e-3 / 60),
        ("1 Btuh", "W", 1055.05585262 / 3600),
        ("1 Btu/hour", "W", 1055.05585262 / 3600),
        ("1 refrigeration_ton", "W", 12000 * 1055.05585262 / 3600),
        ("1 ton_of_refrigeration", "kW", 3.516852842),
        ("100 cent", "USD", 1.0),
        ("8.9 cent/kWh", "USD/MWh", 89.0),
    ],
)
def test_data_centre_units(text, si, expected):
    # Length and volume definitions are exact (only float rounding, 1e-9); stock
    # pint rounds the IT Btu to 1055.056 J (1.4e-7 relative), hence 1e-6.
    assert Q_(text).to(si).magnitude == pytest.approx(expected, rel=1e-6)


def test_cfm_is_not_centifermi():
    assert Q_(1, "cfm").dimensionality == ureg.Quantity(1, "m**3/s").dimensionality


def test_ton_alone_is_still_a_mass_trap_documented():
    # Stock pint's "ton" is the short ton (a mass); coolsim does not redefine it.
    assert Q_(1, "ton").dimensionality == Q_(1, "kg").dimensionality


def test_install_units_is_idempotent():
    from coolsim import units

    units._install_units()
    units._install_units()
    assert Q_(1, "cfm").to("m**3/s").magnitude == pytest.approx(0.3048**3 / 60, rel=1e-12)


def _run_fresh(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_cfm_parsed_before_import_is_fixed_by_import():
    # A user who parsed "cfm" before importing coolsim has centi-fermi cached in
    # the registry; importing coolsim must rebuild that cache.
    out = _run_fresh(
        "import pint; u = pint.get_application_registry(); "
        "print(u.Quantity(1, 'cfm').dimensionality); "
        "import coolsim; print(u.Quantity(1, 'cfm').to('m**3/s').magnitude)"
    )
    before, after = out.splitlines()
    assert before == "[length]"
    assert float(after) == pytest.approx(0.3048**3 / 60, rel=1e-12)


def test_pickled_cfm_means_cubic_feet_per_minute_in_fresh_process():
    blob = pickle.dumps(Q_(900.0, "cfm"))
    code = (
        "import pickle, sys, coolsim; "
        f"q = pickle.loads({blob!r}); print(q.to('m**3/s').magnitude)"
    )
    assert float(_run_fresh(code)) == pytest.approx(900 * 0.3048**3 / 60, rel=1e-12)


def test_quantity_crosses_process_pool():
    # The worker unpickles coolsim.units.to_si first (importing coolsim, hence
    # its unit definitions), then the CFM argument.
    convert = functools.partial(to_si, spec=VOLUMETRIC_FLOW, name="airflow")
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        result = pool.submit(convert, Q_(900.0, "cfm")).result(timeout=120)
    assert result == pytest.approx(900 * 0.3048**3 / 60, rel=1e-12)


# --- the boundary -------------------------------------------------------------
@quantity_io(
    returns=MASS_FLOW,
    heat=POWER.positive(),
    delta_t=TEMPERATURE_DIFFERENCE.positive(),
    cp=SPECIFIC_HEAT.positive(),
)
def _mass_flow(heat, delta_t, cp=4184.0):
    return heat / (cp * delta_t)


@quantity_io(returns=(TEMPERATURE, TEMPERATURE_DIFFERENCE), t=TEMPERATURE.any(), share=FRACTION)
def _two(t, share):
    return t, share * 10.0


def test_boundary_converts_and_wraps():
    q = _mass_flow(Q_(100, "kW"), Q_(18, "delta_degF"), Q_(4.184, "kJ/(kg*K)"))
    assert q.units == ureg.Unit("kg/s")
    assert q.magnitude == pytest.approx(100e3 / (4184 * 10), rel=1e-12)


def test_boundary_defaults_and_keywords():
    a = _mass_flow(heat=Q_(100, "kW"), delta_t=Q_(10, "K"))
    b = _mass_flow(Q_(100, "kW"), delta_t=Q_(10, "K"), cp=Q_(4184, "J/(kg*K)"))
    assert a == b


def test_boundary_core_is_public():
    assert _mass_flow.si(1e5, 10.0, 4184.0) == pytest.approx(1e5 / 41840)


def test_boundary_tuple_return_and_fraction_percent():
    t, dt = _two(Q_(20, "degC"), Q_(50, "percent"))
    assert t.to("K").magnitude == pytest.approx(293.15)
    assert dt.to("K").magnitude == pytest.approx(5.0)


def test_kind_quantity_equals_public_constructor():
    fast = POWER.quantity(np.array([1.0, 2.0]))
    slow = Q_(np.array([1.0, 2.0]), "W")
    assert fast.units == slow.units and np.array_equal(fast.magnitude, slow.magnitude)
    assert (fast + Q_(1, "kW")).to("W").magnitude.tolist() == [1001.0, 1002.0]
    assert pickle.loads(pickle.dumps(fast)).units == slow.units


def test_lists_become_arrays():
    q = _mass_flow(Q_([100, 200], "kW"), Q_(10, "K"))
    assert isinstance(q.magnitude, np.ndarray) and q.magnitude.shape == (2,)


def test_too_many_and_duplicate_arguments_are_type_errors():
    with pytest.raises(TypeError):
        _mass_flow(Q_(1, "kW"), Q_(1, "K"), Q_(1, "J/(kg*K)"), 4)
    with pytest.raises(TypeError):
        _mass_flow(Q_(1, "kW"), Q_(1, "K"), heat=Q_(1, "kW"))


def test_decorator_rejects_unknown_parameter_spec():
    with pytest.raises(TypeError, match="no parameter"):
        quantity_io(returns=POWER, nope=POWER.any())(lambda x: x)


# --- bad input ----------------------------------------------------------------
def _raises(exc, match, func, *args, **kwargs):
    with pytest.raises(exc, match=match) as info:
        func(*args, **kwargs)
    assert isinstance(info.value, CoolsimError)
    assert not isinstance(info.value, pint.errors.PintError)
    return str(info.value)


def test_degc_as_difference_is_an_error_that_teaches():
    msg = _raises(UnitError, "delta_t", _mass_flow, Q_(100, "kW"), Q_(10, "degC"))
    assert "delta_degC" in msg and "'K'" in msg


def test_degf_as_difference_suggests_delta_degf():
    msg = _raises(UnitError, "delta_t", _mass_flow, Q_(100, "kW"), Q_(18, "degF"))
    assert "delta_degF" in msg


def test_degc_inside_compound_unit_means_a_difference():
    # pint itself parses degC inside a compound unit as delta_degC, which is
    # the only meaning "K/W" can have, so both spellings give 0.02 K/W.
    assert to_si(Q_(0.02, "degC/W"), THERMAL_RESISTANCE, "r") == pytest.approx(0.02)
    assert to_si(Q_(0.02, "delta_degC/W"), THERMAL_RESISTANCE, "r") == pytest.approx(0.02)


def test_difference_where_absolute_temperature_expected():
    msg = _raises(UnitError, "'t'", _two, Q_(20, "delta_degC"), 0.5)
    assert "degC" in msg


def test_wrong_dimension():
    msg = _raises(UnitError, "heat", _mass_flow, Q_(100, "kg/s"), Q_(10, "K"))
    assert "power" in msg


def test_plain_number_for_dimensional_parameter():
    _raises(UnitError, "heat", _mass_flow, 100e3, Q_(10, "K"))


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_inf(bad):
    _raises(OutOfRangeError, "heat.*finite", _mass_flow, Q_(bad, "kW"), Q_(10, "K"))


def test_nan_inside_array_names_index():
    msg = _raises(OutOfRangeError, "heat", _mass_flow, Q_([1.0, math.nan, 2.0], "kW"), Q_(10, "K"))
    assert "index 1" in msg


@pytest.mark.parametrize("power", [-1.0, 0.0])
def test_negative_or_zero_power(power):
    _raises(OutOfRangeError, "heat", _mass_flow, Q_(power, "kW"), Q_(10, "K"))


def test_zero_delta_t():
    _raises(OutOfRangeError, "delta_t", _mass_flow, Q_(1, "kW"), Q_(0, "delta_degC"))


def test_fraction_out_of_range():
    _raises(OutOfRangeError, "share", _two, Q_(20, "degC"), 1.5)
    _raises(OutOfRangeError, "share", _two, Q_(20, "degC"), Q_(120, "percent"))


def test_non_numeric_value():
    _raises(UnitError, "share", _two, Q_(20, "degC"), "half")


def test_dimensionless_kind_rejects_dimensional_quantity():
    _raises(UnitError, "x", to_si, Q_(3, "m"), DIMENSIONLESS, "x")


# --- properties ---------------------------------------------------------------
@given(t=temperature_k.flatmap(lambda t: temperature_q(t).map(lambda q: (t, q))))
def test_temperature_unit_invariance(t):
    si, q = t
    assert to_si(q, TEMPERATURE, "t") == pytest.approx(si, rel=1e-12, abs=1e-9)


@given(dt=delta_t_k.flatmap(lambda d: delta_t_q(d).map(lambda q: (d, q))))
def test_temperature_difference_unit_invariance(dt):
    si, q = dt
    assert to_si(q, TEMPERATURE_DIFFERENCE, "dt") == pytest.approx(si, rel=1e-12)


@given(p=power_w.flatmap(lambda p: power_q(p).map(lambda q: (p, q))),
       v=volumetric_flow_m3s.flatmap(lambda v: volumetric_flow_q(v).map(lambda q: (v, q))))
def test_power_and_flow_unit_invariance(p, v):
    # The strategy's factors are rounded to ~10 significant digits.
    assert to_si(p[1], POWER, "p") == pytest.approx(p[0], rel=1e-9)
    assert to_si(v[1], VOLUMETRIC_FLOW, "v") == pytest.approx(v[0], rel=1e-9)


@given(p=power_w, dt=delta_t_k)
def test_array_equals_elementwise(p, dt):
    arr = _mass_flow(Q_(np.array([p, 2 * p]), "W"), Q_(dt, "K")).magnitude
    assert arr[0] == _mass_flow(Q_(p, "W"), Q_(dt, "K")).magnitude
    assert arr[1] == _mass_flow(Q_(2 * p, "W"), Q_(dt, "K")).magnitude


# --- code hygiene ---------------------------------------------------------------
def test_package_never_multiplies_by_registry_attributes():
    # GUIDE §3: write Q_(x, "unit"), never x * ureg.unit (parsing on every call).
    pattern = re.compile(r"\*\s*ureg\.[A-Za-z_]")
    offenders = [str(p) for p in PACKAGE.rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_no_global_registry_flags_changed():
    assert not ureg.autoconvert_offset_to_baseunit


# --- messages in the caller's language ------------------------------------------------
@quantity_io(returns=TEMPERATURE, t=TEMPERATURE.between(173.15, 473.15), dt=TEMPERATURE_DIFFERENCE.positive())
def _bounded(t, dt):
    return t + dt


def test_out_of_range_degc_is_reported_in_degc():
    msg = _raises(OutOfRangeError, "'t'", _bounded, Q_(2400, "degC"), Q_(1, "K"))
    assert "must be >= -100 degC and <= 200 degC; got 2400 degC" in msg and "2673.15" not in msg


def test_out_of_range_degf_keyword_is_reported_in_degf():
    # 173.15 K = -148 degF and 473.15 K = 392 degF exactly
    msg = _raises(OutOfRangeError, "'t'", _bounded, dt=Q_(1, "K"), t=Q_(500, "degF"))
    assert "must be >= -148 degF and <= 392 degF; got 500 degF" in msg


def test_out_of_range_kelvin_stays_in_kelvin():
    msg = _raises(OutOfRangeError, "'t'", _bounded, Q_(2673.15, "K"), Q_(1, "K"))
    assert "<= 473.15 K; got 2673.15 K" in msg


def test_out_of_range_degc_array_names_index_in_degc():
    msg = _raises(OutOfRangeError, "'t'", to_si, Q_([20.0, 250.0, 300.0], "degC"),
                  TEMPERATURE.between(173.15, 473.15), "t")
    assert "got 250 degC at index 1 (2 of 3 values)" in msg


def test_failure_of_another_argument_is_unchanged():
    # the degC temperature is fine; the bad argument is dt, reported as before in K
    msg = _raises(OutOfRangeError, "'dt'", _bounded, Q_(25, "degC"), Q_(-1, "K"))
    assert "must be > 0 K; got -1.0 K" in msg


def test_nan_in_degc_is_reported_in_degc():
    msg = _raises(OutOfRangeError, "finite", to_si, Q_(math.nan, "degC"), TEMPERATURE.any(), "t")
    assert "degC" in msg


def test_case_file_messages_spell_values_as_toml_and_reset():
    from coolsim.units import case_file_messages

    with case_file_messages():
        msg = _raises(UnitError, "delta_t", _mass_flow, Q_(100, "kW"), Q_(10, "degC"))
        assert 'write "10 delta_degC" (or "10 K")' in msg and "Q_(" not in msg
        msg = _raises(UnitError, "heat", _mass_flow, Q_(100, "kg/s"), Q_(10, "K"))
        assert '"10.2 kW"' in msg and "Q_(" not in msg
    # outside the block (also after an exception inside it) Python spelling is back
    msg = _raises(UnitError, "delta_t", _mass_flow, Q_(100, "kW"), Q_(10, "degC"))
    assert "Q_(10, 'delta_degC')" in msg


def test_degf_difference_suggests_the_same_difference_in_kelvin():
    msg = _raises(UnitError, "delta_t", _mass_flow, Q_(100, "kW"), Q_(18, "degF"))
    assert "Q_(18, 'delta_degF')" in msg and "Q_(10.0, 'K')" in msg  # 18 delta_degF = 10 K exactly


@given(t=floats(200.5, 5000.0))
def test_out_of_range_degc_value_round_trips(t):
    # Property: the number after "got" is the degC value passed (printed to 10 significant digits).
    with pytest.raises(OutOfRangeError) as info:
        _bounded(Q_(t, "degC"), Q_(1, "K"))
    got = float(re.search(r"got (\S+) degC", str(info.value)).group(1))
    assert got == pytest.approx(t, rel=1e-9)


def test_spec_subclass_with_two_argument_check_still_reports_degc():
    # Subclasses (e.g. optional specs) override check(m, name); a 0-d array goes through their check.
    from coolsim.units import Spec

    class TwoArgSpec(Spec):
        def check(self, m, name):
            return super().check(m, name)

    spec = TwoArgSpec(TEMPERATURE, 173.15, 473.15)
    with pytest.raises(OutOfRangeError, match="got 2400 degC"):
        to_si(Q_(np.array(2400.0), "degC"), spec, "t")
