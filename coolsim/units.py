"""The unit boundary: one pint registry, data-centre units, and the decorator
that turns a unit-free SI core into a unit-checked public function.

coolsim uses pint's *application registry* (``pint.get_application_registry()``)
so that Quantities made by the user, by coolsim and by other libraries are
interchangeable, and it changes no global flag of that registry.  On import it
adds the units a facility engineer uses that stock pint lacks or gets wrong:

=========================  ==========================  =========================
name (aliases)             definition                  why
=========================  ==========================  =========================
``cubic_foot_per_minute``  ft³/min                     stock pint parses ``cfm``
(``cfm``, ``CFM``)                                     as centi-fermi (a length)
``gallon_per_minute``      US gallon/min               pump and loop flows
(``gpm``, ``GPM``)
``liter_per_minute``       L/min                       OCP and CDU datasheets
(``lpm``, ``LPM``)
``Btu_per_hour``           Btu/h                       cooling capacities
(``Btuh``, ``BTUH``)
``refrigeration_ton``      12,000 Btu/h                chiller capacities
(``ton_of_refrigeration``) (already in stock pint)     (``ton`` alone is a mass)
``US_dollar`` (``USD``,    a base dimension            prices, costs:
``dollar``)                ``[currency]``              ``"0.08 USD/kWh"``
``US_cent`` (``cent``)     0.01 USD                    ``"8.9 cent/kWh"``
=========================  ==========================  =========================

Every public function of coolsim is a thin wrapper made by
:func:`quantity_io` around a *core* that takes and returns SI float64 arrays.
The core is reachable as ``function.si`` for solvers and hot loops.  The
wrapper checks each argument's dimension by *kind* (:class:`Kind`), converts
it to SI once, checks that it is finite and inside its allowed range, calls the
core, and wraps the result in the documented SI unit.

Temperatures need care: ``degC`` and ``degF`` are offset units that denote
*absolute* temperatures.  A temperature *difference* must be written in
``K``, ``delta_degC`` or ``delta_degF``; passing ``degC`` where a difference is
expected raises :class:`~coolsim.errors.UnitError` with that advice, and
passing ``delta_degC`` where an absolute temperature is expected raises too.
An out-of-range temperature given in ``degC``/``degF`` is reported in that unit.
Messages write a fix as the caller does: ``Q_(10, 'delta_degC')`` in Python,
``"10 delta_degC"`` inside :func:`case_file_messages` (entered by :mod:`coolsim.cases`).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import inspect
import math
import re
from dataclasses import dataclass, field

import numpy as np
import pint

from .errors import OutOfRangeError, UnitError

__all__ = [
    "ureg",
    "Q_",
    "Kind",
    "Spec",
    "quantity_io",
    "to_si",
    "case_file_messages",
    "POWER",
    "ENERGY",
    "HEAT_FLUX",
    "TEMPERATURE",
    "TEMPERATURE_DIFFERENCE",
    "VOLUMETRIC_FLOW",
    "MASS_FLOW",
    "PRESSURE",
    "LENGTH",
    "AREA",
    "VOLUME",
    "VELOCITY",
    "DENSITY",
    "SPECIFIC_HEAT",
    "SPECIFIC_ENTHALPY",
    "THERMAL_CONDUCTIVITY",
    "DYNAMIC_VISCOSITY",
    "KINEMATIC_VISCOSITY",
    "SURFACE_TENSION",
    "THERMAL_RESISTANCE",
    "THERMAL_CONDUCTANCE",
    "HEAT_TRANSFER_COEFFICIENT",
    "TIME",
    "FREQUENCY",
    "DIMENSIONLESS",
    "FRACTION",
    "MONEY",
    "ENERGY_PRICE",
    "MONEY_RATE",
    "SPECIFIC_VOLUME",
    "MASS",
    "HEAT_CAPACITY",
    "ACCELERATION",
    "THERMAL_EXPANSION_COEFFICIENT",
    "INVERSE_TEMPERATURE_DIFFERENCE",
    "PRESSURE_PER_FLOW",
    "PRESSURE_PER_FLOW_SQUARED",
    "KW_PER_TON",
    "WATER_PER_ENERGY",
    "FAILURE_RATE",
]

#: pint's application registry, shared with the user's own Quantities.
ureg = pint.get_application_registry()
#: Quantity constructor of :data:`ureg`.  Package code writes ``Q_(x, "unit")``.
Q_ = ureg.Quantity
_QUANTITY = ureg.Quantity  # the registry's Quantity class, resolved once

_DEFINITIONS = (
    ("cubic_foot_per_minute", "cubic_foot_per_minute = foot ** 3 / minute = cfm = CFM"),
    ("gallon_per_minute", "gallon_per_minute = gallon / minute = gpm = GPM"),
    ("liter_per_minute", "liter_per_minute = liter / minute = lpm = LPM"),
    ("Btu_per_hour", "Btu_per_hour = Btu / hour = Btuh = BTUH"),
    ("refrigeration_ton", "refrigeration_ton = 12000 * Btu / hour = _ = ton_of_refrigeration"),
    ("US_dollar", "US_dollar = [currency] = USD = dollar"),
    ("US_cent", "US_cent = 0.01 * US_dollar = cent = USc"),
)


def _install_units() -> None:
    """Add coolsim's units to the application registry; safe to call twice."""
    added = False
    for name, definition in _DEFINITIONS:
        if name not in ureg._units:
            ureg.define(definition)
            added = True
    if added:
        # A name such as "cfm" may already have been parsed (as centi-fermi)
        # and cached before coolsim was imported: rebuild the parse cache.
        ureg._build_cache()


_install_units()


def _is_offset(unit_name: str) -> bool:
    definition = ureg._units.get(unit_name)
    return definition is not None and not definition.is_multiplicative


def _is_delta(unit_name: str) -> bool:
    return unit_name.startswith("delta_")


# -- how messages write a value: Python (Q_(10.0, 'K')) or case file ("10 K") --------
_CASE_STYLE = contextvars.ContextVar("coolsim_case_file_messages", default=False)
_Q_FORM = re.compile(r"Q_\(\s*([^,()]+?)\s*,\s*'([^']*)'\s*\)")
#: Offset temperature units a value can be reported in: case-file name and K -> unit.
_SHOWN = {"degree_Celsius": ("degC", lambda k: k - 273.15),
          "degree_Fahrenheit": ("degF", lambda k: (k - 273.15) * 1.8 + 32.0)}


@contextlib.contextmanager
def case_file_messages():
    """Within this block, error messages write values as a case file does
    (``"10 delta_degC"``, not ``Q_(10, 'delta_degC')``); a context variable,
    so other threads and callers are unaffected.

    Examples
    --------
    >>> try:
    ...     with case_file_messages():
    ...         to_si(Q_(10, "degC"), TEMPERATURE_DIFFERENCE, "rise")
    ... except UnitError as err:
    ...     print(str(err).split("; ")[-1])
    write "10 delta_degC" (or "10 K")
    """
    token = _CASE_STYLE.set(True)
    try:
        yield
    finally:
        _CASE_STYLE.reset(token)


def _num(v) -> str:
    """A magnitude as a person writes it: ``10``, ``36.5``, ``-9.79``."""
    return f"{float(v):.10g}" if np.ndim(v) == 0 else str(np.asarray(v).tolist())


def _written(magnitude, unit: str) -> str:
    """A value as the caller writes it: ``Q_(10.0, 'K')`` or, in a case file, ``"10 K"``."""
    return f'"{_num(magnitude)} {unit}"' if _CASE_STYLE.get() else f"Q_({magnitude!r}, '{unit}')"


def _unit_text(units) -> str:
    """Units as typed (``degC``, ``delta_degF``, ``K/W``), not pretty-printed."""
    text = format(units, "~")
    for symbol, name in (("Δ°C", "delta_degC"), ("Δ°F", "delta_degF"), ("°C", "degC"), ("°F", "degF")):
        text = text.replace(symbol, name)
    return text.replace(" / ", "/").replace(" * ", "*").replace(" ** ", "**")


def _shown_value(value) -> str:
    """The user's Quantity as they wrote it (for messages)."""
    return f'"{_num(value.magnitude)} {_unit_text(value.units)}"' if _CASE_STYLE.get() else f"{value:~P}"


@dataclass(frozen=True)
class Kind:
    """A physical kind of quantity with its SI unit.

    Parameters
    ----------
    name : str
        Human-readable kind, used in error messages ("volumetric flow").
    si : str
        The SI unit values are converted to and returned in.
    example : str
        An example Quantity, shown in error messages ("Q_(1.5, 'L/min')").
    temperature : {None, "absolute", "difference"}
        For kinds that involve temperature: whether offset units (``degC``)
        are required to be absent (``"difference"``) or delta units are
        refused (``"absolute"``).
    """

    name: str
    si: str
    example: str
    temperature: str | None = None
    unit: pint.Unit = field(init=False, repr=False, compare=False)
    _container: object = field(init=False, repr=False, compare=False)
    dimensionless: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        unit = ureg.Unit(self.si)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "_container", unit._units)
        object.__setattr__(self, "dimensionless", unit.dimensionless)

    # -- constraint builders -------------------------------------------------
    def spec(self, lo=None, hi=None, *, lo_open=False, hi_open=False, nonzero=False) -> "Spec":
        """A :class:`Spec` of this kind with bounds given in SI units."""
        return Spec(self, lo, hi, lo_open, hi_open, nonzero)

    def any(self) -> "Spec":
        """Any finite value of this kind."""
        return Spec(self)

    def positive(self) -> "Spec":
        """A finite value > 0."""
        return Spec(self, 0.0, None, True, False)

    def nonnegative(self) -> "Spec":
        """A finite value ≥ 0."""
        return Spec(self, 0.0, None, False, False)

    def nonzero(self) -> "Spec":
        """A finite value ≠ 0 (either sign)."""
        return Spec(self, nonzero=True)

    def between(self, lo, hi, *, lo_open=False, hi_open=False) -> "Spec":
        """A finite value in [lo, hi] (SI units); ends open when asked."""
        return Spec(self, lo, hi, lo_open, hi_open)

    def written_example(self) -> str:
        """:attr:`example` as the caller writes it (Python, or case-file text in :func:`case_file_messages`)."""
        return _Q_FORM.sub(r'"\1 \2"', self.example) if _CASE_STYLE.get() else self.example

    # -- conversion ------------------------------------------------------------
    def convert(self, value, name: str):
        """Return the magnitude of ``value`` in this kind's SI unit.

        Raises
        ------
        UnitError
            For a plain number where a dimension is required, a Quantity of
            the wrong dimension, or a temperature/temperature-difference mix-up.
        """
        if isinstance(value, pint.Quantity):
            units = value._units
            if units is self._container or units == self._container:
                return value._magnitude
            self._check_temperature(value, name)
            try:
                return value.m_as(self.unit)
            except pint.DimensionalityError:
                raise UnitError(
                    f"parameter '{name}' expects a {self.name} [{self.si}], "
                    f"for example {self.written_example()}; got {_shown_value(value)} "
                    f"(dimension {value.dimensionality})"
                ) from None
            except pint.errors.PintError as err:  # offset-unit arithmetic etc.
                raise UnitError(f"parameter '{name}': cannot convert {value!r} to {self.si}: {err}") from None
        if self.dimensionless:
            return value
        raise UnitError(
            f"parameter '{name}' expects a {self.name} with units, for example "
            f"{self.written_example()}; got a plain {type(value).__name__} ({value!r}). "
            "coolsim never guesses units."
        )

    def _check_temperature(self, value, name):
        names = list(value._units.keys())
        offset = [n for n in names if _is_offset(n)]
        m = value.magnitude
        if offset and self.temperature != "absolute":
            short = "degF" if "degree_Fahrenheit" in offset else "degC"
            text = _unit_text(value.units)  # compound units too: 'degC/W' -> 'delta_degC/W'
            m_k = m / 1.8 if short == "degF" and len(names) == 1 else m  # the same difference in K
            raise UnitError(
                f"parameter '{name}' is a {self.name}, but {_shown_value(value)} is an absolute "
                f"temperature; write {_written(m, text.replace(short, 'delta_' + short))} "
                f"(or {_written(m_k, text.replace(short, 'K'))})"
            )
        if self.temperature == "absolute" and any(_is_delta(n) for n in names):
            raise UnitError(
                f"parameter '{name}' is an absolute temperature, but {_shown_value(value)} is a "
                f"temperature difference; write {_written(m, 'degC')} (or K, degF)"
            )

    def quantity(self, magnitude):
        """Wrap an SI magnitude (float or float64 array) as a Quantity of this kind.

        Builds the Quantity directly from the pre-parsed unit container: the
        public constructor re-inspects the unit on every call and would double
        the boundary's cost.  ``tests/test_units.py`` checks that the result is
        identical to ``Q_(magnitude, self.si)``.
        """
        q = object.__new__(_QUANTITY)
        q._magnitude = magnitude
        q._units = self._container
        return q


@dataclass(frozen=True)
class Spec:
    """A kind plus the range its values must lie in (bounds in SI units)."""

    kind: Kind
    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    nonzero: bool = False

    def allowed(self, shown=None) -> str:
        """The allowed range as text, in SI or in the ``shown`` temperature unit."""
        parts = []
        unit = f" {self.kind.si}" if self.kind.si else ""
        lo, hi = self.lo, self.hi
        if shown is not None:
            unit, lo, hi = f" {shown[0]}", *(None if b is None else float(_num(shown[1](b))) for b in (lo, hi))
        if lo is not None:
            parts.append(f"{'>' if self.lo_open else '>='} {lo:g}{unit}")
        if hi is not None:
            parts.append(f"{'<' if self.hi_open else '<='} {hi:g}{unit}")
        if self.nonzero:
            parts.append("!= 0")
        return " and ".join(parts) if parts else "finite"

    def check(self, m, name: str, shown=None):
        """Convert-free check of an SI magnitude; return it as float or float64 array.

        ``shown`` (``(unit name, function of K)``, for a temperature the caller
        gave in degC or degF) only changes how an error reports the values.
        """
        if type(m) is float:
            if not math.isfinite(m):
                raise _bad(name, m, self, "must be finite (not NaN or infinite)", shown=shown)
            lo, hi = self.lo, self.hi
            if (
                (lo is not None and (m <= lo if self.lo_open else m < lo))
                or (hi is not None and (m >= hi if self.hi_open else m > hi))
                or (self.nonzero and m == 0.0)
            ):
                raise _bad(name, m, self, f"must be {self.allowed(shown)}", shown=shown)
            return m
        if not (type(m) is np.ndarray and m.dtype == np.float64):
            try:
                m = np.asarray(m, dtype=np.float64)
            except (TypeError, ValueError):
                raise UnitError(
                    f"parameter '{name}' must be a number or array of numbers; got {type(m).__name__}"
                ) from None
            if m.ndim == 0:
                return self.check(float(m), name) if shown is None else Spec.check(self, float(m), name, shown)
        if m.size == 0:
            return m
        finite = np.isfinite(m)
        if not finite.all():
            raise _bad(name, m, self, "must be finite (not NaN or infinite)", ~finite, shown)
        lo, hi = self.lo, self.hi
        if lo is not None:
            bad = m <= lo if self.lo_open else m < lo
            if bad.any():
                raise _bad(name, m, self, f"must be {self.allowed(shown)}", bad, shown)
        if hi is not None:
            bad = m >= hi if self.hi_open else m > hi
            if bad.any():
                raise _bad(name, m, self, f"must be {self.allowed(shown)}", bad, shown)
        if self.nonzero:
            bad = m == 0.0
            if bad.any():
                raise _bad(name, m, self, "must be non-zero", bad, shown)
        return m


def _bad(name, m, spec, what, mask=None, shown=None):
    unit = f" {shown[0]}" if shown else ("" if spec.kind.dimensionless else f" {spec.kind.si}")
    value = (lambda v: _num(shown[1](v))) if shown else repr  # noqa: E731
    if mask is None:
        got = f"{value(m)}{unit}"
    else:
        idx = np.argwhere(mask)[0]
        first = m[tuple(idx)]
        where = tuple(int(i) for i in idx)
        got = f"{value(first)}{unit} at index {where if len(where) > 1 else where[0]} ({int(mask.sum())} of {m.size} values)"
    return OutOfRangeError(f"parameter '{name}' ({spec.kind.name}) {what}; got {got}")


def _shown_unit(value, spec):
    """``(name, K -> unit)`` when ``value`` is an absolute temperature in degC or degF."""
    if spec.kind.temperature != "absolute" or not isinstance(value, pint.Quantity):
        return None
    units = value._units
    if len(units) != 1:
        return None
    (unit_name, power), = units.items()
    return _SHOWN.get(unit_name) if power == 1 else None


def _restate(specs, name_values):
    """After a failed check: re-check ``(name, value)`` pairs in order, so the same
    first failure raises, with a temperature given in degC/degF reported in it."""
    for name, value in name_values:
        spec = specs.get(name)
        m = None if spec is None else spec.kind.convert(value, name)
        if m is not None:
            Spec.check(spec, m, name, _shown_unit(value, spec))


def to_si(value, spec: Kind | Spec, name: str):
    """Convert one argument to an SI float or float64 array and check it.

    Parameters
    ----------
    value : pint.Quantity or array_like
        The user's value; a plain number only for dimensionless kinds.
    spec : Kind or Spec
        What the value must be.
    name : str
        Parameter name used in error messages.
    """
    if isinstance(spec, Kind):
        spec = Spec(spec)
    try:
        return spec.check(spec.kind.convert(value, name), name)
    except OutOfRangeError:
        _restate({name: spec}, [(name, value)])
        raise


# ---------------------------------------------------------------------------
# Kinds (SI unit and an example of how a user writes one)
# ---------------------------------------------------------------------------
POWER = Kind("power", "W", "Q_(10.2, 'kW') or Q_(34800, 'Btu/hour')")
ENERGY = Kind("energy", "J", "Q_(8760, 'kWh')")
HEAT_FLUX = Kind("heat flux", "W/m**2", "Q_(10, 'W/cm**2')")
TEMPERATURE = Kind("temperature", "K", "Q_(25, 'degC') or Q_(77, 'degF')", "absolute")
TEMPERATURE_DIFFERENCE = Kind(
    "temperature difference", "K", "Q_(10, 'delta_degC'), Q_(10, 'K') or Q_(20, 'delta_degF')", "difference"
)
VOLUMETRIC_FLOW = Kind("volumetric flow", "m**3/s", "Q_(1.5, 'L/min'), Q_(900, 'cfm') or Q_(10, 'gpm')")
MASS_FLOW = Kind("mass flow", "kg/s", "Q_(2.4, 'kg/s')")
PRESSURE = Kind("pressure", "Pa", "Q_(50, 'kPa') or Q_(1.5, 'inH2O')")
LENGTH = Kind("length", "m", "Q_(10, 'mm')")
AREA = Kind("area", "m**2", "Q_(8, 'cm**2')")
VOLUME = Kind("volume", "m**3", "Q_(200, 'L')")
VELOCITY = Kind("velocity", "m/s", "Q_(2, 'm/s')")
DENSITY = Kind("density", "kg/m**3", "Q_(1.2, 'kg/m**3')")
SPECIFIC_HEAT = Kind("specific heat", "J/(kg*K)", "Q_(4.18, 'kJ/(kg*K)')", "difference")
SPECIFIC_ENTHALPY = Kind("specific enthalpy", "J/kg", "Q_(112, 'kJ/kg')")
THERMAL_CONDUCTIVITY = Kind("thermal conductivity", "W/(m*K)", "Q_(0.6, 'W/(m*K)')", "difference")
DYNAMIC_VISCOSITY = Kind("dynamic viscosity", "Pa*s", "Q_(1, 'mPa*s')")
KINEMATIC_VISCOSITY = Kind("kinematic viscosity", "m**2/s", "Q_(1e-6, 'm**2/s')")
SURFACE_TENSION = Kind("surface tension", "N/m", "Q_(13.6, 'mN/m')")
THERMAL_RESISTANCE = Kind("thermal resistance", "K/W", "Q_(0.02, 'K/W')", "difference")
THERMAL_CONDUCTANCE = Kind("thermal conductance (UA)", "W/K", "Q_(200, 'kW/K')", "difference")
HEAT_TRANSFER_COEFFICIENT = Kind(
    "heat transfer coefficient", "W/(m**2*K)", "Q_(5000, 'W/(m**2*K)')", "difference"
)
TIME = Kind("time", "s", "Q_(1, 'hour')")
FREQUENCY = Kind("frequency or rotational speed", "1/s", "Q_(1800, 'rpm')")
DIMENSIONLESS = Kind("dimensionless number", "", "0.5 or Q_(50, 'percent')")
FRACTION = DIMENSIONLESS.between(0.0, 1.0)
MONEY = Kind("amount of money", "USD", "Q_(250000, 'USD')")
ENERGY_PRICE = Kind("energy price", "USD/J", "Q_(0.08, 'USD/kWh') or Q_(8.9, 'cent/kWh')")
MONEY_RATE = Kind("money per time", "USD/s", "Q_(4, 'USD/hour') or Q_(1.2e6, 'USD/year')")

# Kinds used by a few modules (kept here so that each is defined once).
SPECIFIC_VOLUME = Kind("specific volume", "m**3/kg", "Q_(0.85, 'm**3/kg')")
MASS = Kind("mass", "kg", "Q_(800, 'kg')")
HEAT_CAPACITY = Kind("heat capacity", "J/K", "Q_(400, 'J/K') or Q_(12, 'kJ/K')", "difference")
ACCELERATION = Kind("acceleration", "m/s**2", "Q_(9.80665, 'm/s**2')")
THERMAL_EXPANSION_COEFFICIENT = Kind(
    "volumetric thermal expansion coefficient", "1/K", "Q_(3.4e-3, '1/K')", "difference"
)
INVERSE_TEMPERATURE_DIFFERENCE = Kind("inverse temperature difference", "1/K", "Q_(0.03, '1/K')", "difference")
PRESSURE_PER_FLOW = Kind("pressure per volumetric flow", "Pa*s/m**3", "Q_(-20, 'Pa/(m**3/s)')")
PRESSURE_PER_FLOW_SQUARED = Kind(
    "pressure per volumetric flow squared", "Pa*s**2/m**6", "Q_(-100, 'Pa/(m**3/s)**2')"
)
KW_PER_TON = Kind("chiller efficiency (kW/ton)", "kW/refrigeration_ton", "Q_(0.6, 'kW/refrigeration_ton')")
WATER_PER_ENERGY = Kind("water volume per energy (WUE)", "m**3/J", "Q_(1.8, 'L/kWh')")
FAILURE_RATE = Kind("failure rate", "1/s", "Q_(1e-5, '1/hour')")


def _wrap(kind, out):
    if kind is None:
        return out
    if isinstance(kind, tuple):
        return tuple(_wrap(k, o) for k, o in zip(kind, out))
    if kind.dimensionless:
        return out
    return kind.quantity(out)


def quantity_io(returns=None, **specs):
    """Make a unit-checked public function from a unit-free SI core.

    Parameters
    ----------
    returns : Kind, tuple of Kind, or None
        Kind(s) of the core's return value(s), wrapped in their SI unit.
        Dimensionless results come back as plain floats/arrays.
    **specs : Kind or Spec
        For each dimensional (or range-checked) parameter of the core, its
        kind and allowed range.  Parameters not named pass through unchanged.

    Returns
    -------
    decorator
        The wrapper keeps the core's name and docstring; the core itself is
        available as ``wrapper.si``.

    Examples
    --------
    >>> from coolsim.units import quantity_io, POWER, TEMPERATURE_DIFFERENCE, Q_
    >>> from coolsim.units import THERMAL_CONDUCTANCE
    >>> @quantity_io(returns=POWER, ua=THERMAL_CONDUCTANCE.positive(),
    ...              dt=TEMPERATURE_DIFFERENCE.any())
    ... def heat_rate(ua, dt):
    ...     return ua * dt
    >>> heat_rate(Q_(2, "kW/K"), Q_(9, "delta_degF")).to("kW")
    <Quantity(10.0, 'kilowatt')>
    >>> heat_rate.si(2000.0, 5.0)
    10000.0
    """
    specs = {k: (Spec(v) if isinstance(v, Kind) else v) for k, v in specs.items()}

    def decorator(core):
        params = list(inspect.signature(core).parameters)
        unknown = set(specs) - set(params)
        if unknown:
            raise TypeError(f"quantity_io: {core.__name__} has no parameter(s) {sorted(unknown)}")
        nparams = len(params)
        order = [specs.get(p) for p in params]

        @functools.wraps(core)
        def wrapper(*args, **kwargs):
            if len(args) > nparams:
                raise TypeError(f"{core.__name__}() takes {nparams} arguments but {len(args)} were given")
            conv = {}
            try:
                for i, value in enumerate(args):
                    spec = order[i]
                    name = params[i]
                    conv[name] = value if spec is None else spec.check(spec.kind.convert(value, name), name)
                for name, value in kwargs.items():
                    if name in conv:
                        raise TypeError(f"{core.__name__}() got multiple values for argument '{name}'")
                    spec = specs.get(name)
                    conv[name] = value if spec is None else spec.check(spec.kind.convert(value, name), name)
            except OutOfRangeError:
                # report a temperature given in degC/degF in that unit (off the fast path)
                _restate(specs, [*zip(params, args), *kwargs.items()])
                raise
            return _wrap(returns, core(**conv))

        wrapper.si = core
        wrapper.specs = specs
        wrapper.returns = returns
        return wrapper

    return decorator
