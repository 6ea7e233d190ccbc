"""Coolant classes and CoolProp-backed property tables (see :mod:`coolsim.coolants`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..errors import OutOfRangeError, UnitError
from ..units import (
    DENSITY,
    DIMENSIONLESS,
    DYNAMIC_VISCOSITY,
    KINEMATIC_VISCOSITY,
    SPECIFIC_HEAT,
    SURFACE_TENSION,
    TEMPERATURE,
    THERMAL_CONDUCTIVITY,
    quantity_io,
)

#: Nominal loop pressure at which water is evaluated [Pa].  Assumption: a typical
#: technology-cooling-system static pressure (~1 bar gauge); liquid properties change
#: by < 0.01 % per bar, and at 1 atm CoolProp refuses water at exactly 0 °C.
LOOP_PRESSURE = 2.0e5
#: Standard atmosphere [Pa], at which boiling points and saturation are given.
STANDARD_PRESSURE = 101325.0
_R = 8.314462618  # molar gas constant [J/(mol·K)], CODATA 2018
_T25 = 298.15  # datasheet reference temperature, 25 °C [K]
_GRID_STEP = 0.1  # table spacing [K]
_T_ARG = TEMPERATURE.any()  # finiteness only; the range is the coolant's own


# --------------------------------------------------------------------------- backends
def props_si(*args):
    """CoolProp's ``PropsSI``, imported on first use (importing CoolProp takes seconds)."""
    from CoolProp.CoolProp import PropsSI

    return PropsSI(*args)


class _CoolPropTable:
    """Lazily built property table from CoolProp, evaluated by ``np.interp``.

    ``scale`` multiplies (ρ, cp, μ, k) so that a CoolProp temperature *shape* can be
    anchored to a datasheet value at 25 °C (used for Novec 7100).
    """

    def __init__(self, fluid, t_min, t_max, *, pressure=None, quality=None, scale=(1.0, 1.0, 1.0, 1.0)):
        self.fluid, self.t_min, self.t_max = fluid, t_min, t_max
        self.pressure, self.quality, self.scale = pressure, quality, scale
        self._grid = None
        self._cols = [None, None, None, None]

    def _build(self, i):
        if self._grid is None:
            n = int(math.ceil((self.t_max - self.t_min) / _GRID_STEP)) + 1
            self._grid = np.linspace(self.t_min, self.t_max, n)
        y = self.direct("DCVL"[i], self._grid)
        if not np.all(np.isfinite(y)):  # pragma: no cover - guards a CoolProp change
            raise RuntimeError(f"CoolProp returned non-finite values for {self.fluid}")
        self._cols[i] = np.log(y) if i == 2 else y  # log μ: near-Arrhenius in T
        return self._cols[i]

    def column(self, i, T):
        col = self._cols[i]
        if col is None:
            col = self._build(i)
        y = np.interp(T, self._grid, col)
        return np.exp(y) if i == 2 else y

    def direct(self, prop, T):
        """Direct CoolProp value (for the test oracle), with the same scaling."""
        key, val = ("Q", self.quality) if self.quality is not None else ("P", self.pressure)
        i = "DCVL".index(prop)
        return np.asarray(props_si(prop, "T", T, key, val, self.fluid), dtype=float) * self.scale[i]


class _Mixed:
    """Per-property sources: CoolProp table columns or closed-form callables."""

    def __init__(self, table, **overrides):
        self.table, self.overrides = table, overrides

    def column(self, i, T):
        f = self.overrides.get("DCVL"[i])
        return self.table.column(i, T) if f is None else f(T)


def _out(y, T):
    """Python float for a float input, float64 array otherwise."""
    return float(y) if type(T) is float else np.asarray(y, dtype=np.float64)


def _andrade(mu_ref, t_ref, b):
    """μ(T) = μ_ref · exp[B (1/T − 1/T_ref)] — Andrade's liquid-viscosity form."""
    return lambda T: mu_ref * np.exp(b * (1.0 / T - 1.0 / t_ref))


def _linear(y_ref, t_ref, rel_slope):
    """y(T) = y_ref · [1 + a (T − T_ref)]."""
    return lambda T: y_ref * (1.0 + rel_slope * (T - t_ref))


# --------------------------------------------------------------------------- classes
@dataclass(frozen=True)
class Coolant:
    """A liquid coolant with temperature-dependent properties.

    Parameters
    ----------
    name : str
        Display name, used in error messages.
    t_min, t_max : float
        Valid temperature range [K] (freezing point or datasheet/fit limit, and the
        fit limit or boiling point).
    source : str
        Where the property values come from.
    freezing_point : float or None
        Freezing point [K]; below it the error says "below its freezing point".

    Notes
    -----
    SI cores (``*_si``) take ``T`` in K as float or array and return SI floats or
    arrays; the unit-aware methods take and return Quantities.  Kinematic viscosity
    :math:`\\nu = \\mu/\\rho` and Prandtl number :math:`Pr = c_p\\,\\mu/k` are derived.

    References
    ----------
    .. [1] I. H. Bell, J. Wronski, S. Quoilin, V. Lemort, "Pure and pseudo-pure fluid
       thermophysical property evaluation and the open-source thermophysical property
       library CoolProp", Ind. Eng. Chem. Res. 53 (2014) 2498–2508,
       doi:10.1021/ie4033999.

    Examples
    --------
    >>> from coolsim import Q_
    >>> from coolsim.coolants import water
    >>> round(float(water().density(Q_(20, "degC")).m), 1)
    998.3
    """

    name: str
    t_min: float
    t_max: float
    source: str = ""
    freezing_point: float | None = None
    _backend: object = field(default=None, repr=False, compare=False)

    # -- SI cores --------------------------------------------------------------
    def check_temperature_si(self, T, name="T"):
        """Return ``T`` [K] as float or float64 array; raise if outside the valid range."""
        if type(T) is not float:
            try:
                T = np.asarray(T, dtype=np.float64)
            except (TypeError, ValueError):
                raise UnitError(
                    f"parameter '{name}' (temperature of {self.name}) must be a number or array "
                    f"of numbers in K; got {type(T).__name__}"
                ) from None
            if T.ndim == 0:
                T = float(T)
            elif T.size == 0:
                return T
        lo, hi = np.min(T), np.max(T)  # NaN propagates into both
        if lo >= self.t_min and hi <= self.t_max:
            return T
        arr = np.atleast_1d(T)
        if not np.all(np.isfinite(arr)):
            bad = float(arr[~np.isfinite(arr)][0])
            raise OutOfRangeError(
                f"parameter '{name}' (temperature of {self.name}) must be finite (not NaN or "
                f"infinite); got {bad!r} K"
            )
        rng = f"{self.t_min:.2f} K to {self.t_max:.2f} K ({self.t_min - 273.15:.2f} °C to {self.t_max - 273.15:.2f} °C)"
        if lo < self.t_min:
            if self.freezing_point is not None and lo < self.freezing_point:
                raise OutOfRangeError(
                    f"parameter '{name}' = {lo:.2f} K ({lo - 273.15:.2f} °C) is below the freezing "
                    f"point of {self.name}, {self.freezing_point:.2f} K "
                    f"({self.freezing_point - 273.15:.2f} °C); valid range {rng}"
                )
            raise OutOfRangeError(
                f"parameter '{name}' = {lo:.2f} K ({lo - 273.15:.2f} °C) is below the valid range "
                f"of {self.name}: {rng}"
            )
        raise OutOfRangeError(
            f"parameter '{name}' = {hi:.2f} K ({hi - 273.15:.2f} °C) is above the valid range of "
            f"{self.name}: {rng}"
        )

    def _col(self, i, T):
        T = self.check_temperature_si(T)
        return _out(self._backend.column(i, T), T)

    def density_si(self, T):
        """Density [kg/m³] at ``T`` [K]."""
        return self._col(0, T)

    def specific_heat_si(self, T):
        """Isobaric specific heat [J/(kg·K)] at ``T`` [K]."""
        return self._col(1, T)

    def viscosity_si(self, T):
        """Dynamic viscosity [Pa·s] at ``T`` [K]."""
        return self._col(2, T)

    def conductivity_si(self, T):
        """Thermal conductivity [W/(m·K)] at ``T`` [K]."""
        return self._col(3, T)

    def kinematic_viscosity_si(self, T):
        """Kinematic viscosity ν = μ/ρ [m²/s] at ``T`` [K]."""
        T = self.check_temperature_si(T)
        return _out(self._backend.column(2, T) / self._backend.column(0, T), T)

    def prandtl_si(self, T):
        """Prandtl number cp·μ/k [-] at ``T`` [K]."""
        T = self.check_temperature_si(T)
        b = self._backend
        return _out(b.column(1, T) * b.column(2, T) / b.column(3, T), T)

    # -- unit-aware ------------------------------------------------------------
    @quantity_io(returns=DENSITY, T=_T_ARG)
    def density(self, T):
        """Density.

        Parameters
        ----------
        T : pint.Quantity
            Temperature of the coolant [K]; ``degC``/``degF``/``K`` (absolute).

        Returns
        -------
        pint.Quantity
            Density [kg/m³].

        Examples
        --------
        >>> from coolsim import Q_
        >>> from coolsim.coolants import propylene_glycol
        >>> round(float(propylene_glycol(0.3).density(Q_(20, "degC")).m), 1)
        1023.8
        """
        return self.density_si(T)

    @quantity_io(returns=SPECIFIC_HEAT, T=_T_ARG)
    def specific_heat(self, T):
        """Isobaric specific heat.

        Parameters
        ----------
        T : pint.Quantity
            Temperature of the coolant [K].

        Returns
        -------
        pint.Quantity
            Specific heat [J/(kg·K)].

        Examples
        --------
        >>> from coolsim import Q_
        >>> from coolsim.coolants import propylene_glycol
        >>> round(float(propylene_glycol(0.3).specific_heat(Q_(20, "degC")).m))
        3857
        """
        return self.specific_heat_si(T)

    @quantity_io(returns=DYNAMIC_VISCOSITY, T=_T_ARG)
    def viscosity(self, T):
        """Dynamic viscosity.

        Parameters
        ----------
        T : pint.Quantity
            Temperature of the coolant [K].

        Returns
        -------
        pint.Quantity
            Dynamic viscosity [Pa·s].

        Examples
        --------
        >>> from coolsim import Q_
        >>> from coolsim.coolants import water
        >>> round(float(water().viscosity(Q_(20, "degC")).to("mPa*s").m), 3)
        1.002
        """
        return self.viscosity_si(T)

    @quantity_io(returns=THERMAL_CONDUCTIVITY, T=_T_ARG)
    def conductivity(self, T):
        """Thermal conductivity.

        Parameters
        ----------
        T : pint.Quantity
            Temperature of the coolant [K].

        Returns
        -------
        pint.Quantity
            Thermal conductivity [W/(m·K)].

        Examples
        --------
        >>> from coolsim import Q_
        >>> from coolsim.coolants import water
        >>> round(float(water().conductivity(Q_(20, "degC")).m), 3)
        0.598
        """
        return self.conductivity_si(T)

    @quantity_io(returns=KINEMATIC_VISCOSITY, T=_T_ARG)
    def kinematic_viscosity(self, T):
        """Kinematic viscosity ν = μ/ρ.

        Parameters
        ----------
        T : pint.Quantity
            Temperature of the coolant [K].

        Returns
        -------
        pint.Quantity
            Kinematic viscosity [m²/s].

        Examples
        --------
        >>> from coolsim import Q_
        >>> from coolsim.coolants import water
        >>> round(float(water().kinematic_viscosity(Q_(20, "degC")).to("mm**2/s").m), 3)
        1.003
        """
        return self.kinematic_viscosity_si(T)

    @quantity_io(returns=DIMENSIONLESS, T=_T_ARG)
    def prandtl(self, T):
        """Prandtl number Pr = cp·μ/k.

        Parameters
        ----------
        T : pint.Quantity
            Temperature of the coolant [K].

        Returns
        -------
        float or numpy.ndarray
            Prandtl number [-].

        Examples
        --------
        >>> from coolsim import Q_
        >>> from coolsim.coolants import water
        >>> round(float(water().prandtl(Q_(20, "degC"))), 2)
        7.01
        """
        return self.prandtl_si(T)


@dataclass(frozen=True)
class TwoPhaseFluid(Coolant):
    """A dielectric liquid used boiling (two-phase immersion): adds saturation data.

    Parameters
    ----------
    boiling_point : float
        Normal boiling point at 101 325 Pa [K].
    latent_heat_si : float
        Latent heat of vaporisation at the boiling point [J/kg].
    vapour_density_si : float
        Saturated-vapour density at the boiling point [kg/m³].
    molar_mass : float
        Molar mass [kg/mol].
    critical_temperature : float
        Critical temperature [K], for the surface-tension temperature dependence.
    sigma_ref : float
        Surface tension at 25 °C from the datasheet [N/m].
    gwp : float
        100-year global warming potential from the datasheet [-].

    Notes
    -----
    Surface tension follows Guggenheim–Katayama anchored at the datasheet value,
    :math:`\\sigma(T) = \\sigma_{25}\\,[(T_c - T)/(T_c - 298.15)]^{11/9}`.  Zuber's
    critical heat flux needs :math:`h_{fg}`, :math:`\\rho_l(T_b)`, :math:`\\rho_v`
    and :math:`\\sigma(T_b)`: ``latent_heat_si``, ``density_si(boiling_point)``,
    ``vapour_density_si`` and ``surface_tension_si(boiling_point)``.

    References
    ----------
    .. [1] E. A. Guggenheim, "The principle of corresponding states", J. Chem. Phys.
       13 (1945) 253–261, doi:10.1063/1.1724033.

    Examples
    --------
    >>> from coolsim.coolants import NOVEC_649
    >>> round(NOVEC_649.boiling_point - 273.15, 1), round(NOVEC_649.latent_heat_si / 1e3)
    (49.0, 88)
    """

    boiling_point: float = 0.0
    latent_heat_si: float = 0.0
    vapour_density_si: float = 0.0
    molar_mass: float = 0.0
    critical_temperature: float = 0.0
    sigma_ref: float = 0.0
    gwp: float = 0.0

    def surface_tension_si(self, T):
        """Surface tension [N/m] at ``T`` [K] (Guggenheim–Katayama, anchored at 25 °C)."""
        T = self.check_temperature_si(T)
        tc = self.critical_temperature
        return _out(self.sigma_ref * ((tc - T) / (tc - _T25)) ** (11.0 / 9.0), T)

    @quantity_io(returns=SURFACE_TENSION, T=_T_ARG)
    def surface_tension(self, T):
        """Liquid–vapour surface tension.

        Parameters
        ----------
        T : pint.Quantity
            Temperature of the liquid [K].

        Returns
        -------
        pint.Quantity
            Surface tension [N/m].

        Examples
        --------
        >>> from coolsim import Q_
        >>> from coolsim.coolants import NOVEC_7100
        >>> round(float(NOVEC_7100.surface_tension(Q_(25, "degC")).to("mN/m").m), 1)
        13.6
        """
        return self.surface_tension_si(T)
