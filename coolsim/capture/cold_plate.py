"""Cold plates: case-to-inlet thermal resistance and pressure drop vs coolant flow.

The thermal model is fitted to the one public, vendor-neutral curve of a GPU
cold plate we found: the OCP OAI System Liquid Cooling Guidelines (2023),
fig. 8, a 1 kW OAM cold plate in DI water (validation case R26):

=========  =====  =====  =====  =====
flow       2      3      4      5      L/min
R case→in  0.0172 0.0160 0.0154 0.0151 K/W
=========  =====  =====  =====  =====

Model choice.  The case sits above the coolant *inlet* by the film and
conduction drop plus part of the coolant's own temperature rise, so the
case-to-inlet resistance is written

.. math:: R(\\dot V) = R_b + \\frac{\\beta}{\\rho c_p \\dot V},

the form :math:`R_\\infty + c\\,\\dot V^{-n}` with :math:`n = 1` and
:math:`c = \\beta/(\\rho c_p)`.  A linear least-squares fit of the four points
(:func:`ocp_oam_fit`) gives :math:`R_b = 0.01366` K/W and :math:`\\beta = 0.491`
with every residual within 0.19 %; :math:`\\beta \\approx 1/2` is what an
energy balance predicts when the case follows the *mean* coolant temperature,
and a flow-independent :math:`R_b` is what fully developed laminar channel
flow gives (constant Nusselt number, :math:`h = Nu\\,k/D_h`).  A free
three-parameter power law fits equally well (n = 1.17, 0.12 %) but gives no
physical basis for other coolants.

Other coolants.  The caloric term uses the coolant's own ρ·cp.  The film part
of :math:`R_b` (share ``film_fraction``, default 0.5, an assumption: the
figure does not separate film from conduction/TIM) scales as
:math:`k_{ref}/k` — laminar fully developed flow, :math:`h \\propto k`.

Pressure drop.  :math:`\\Delta p = \\Delta p_{nom}(\\dot V/\\dot V_{nom})^{n}`
with 50 kPa at 10 L/min of PG25 and n = 1.85 (R26); for another coolant or
temperature the drop scales as :math:`\\rho^{n-1}\\mu^{2-n}` (a friction
factor :math:`\\propto Re^{n-2}`, model choice).

References
----------
.. [1] Open Compute Project, *OAI System Liquid Cooling Guidelines*, rev. 1.0
   (2023), fig. 8 (1 kW OAM cold plate, case-to-inlet resistance vs flow, DI water).
.. [2] F. P. Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th
   ed., Wiley (2011), sec. 8.4 (fully developed laminar flow, constant Nu).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from .. import coolants as _coolants
from ..errors import OutOfRangeError, UnitError
from ..units import (
    DIMENSIONLESS,
    FRACTION,
    POWER,
    PRESSURE,
    Q_,
    TEMPERATURE,
    THERMAL_RESISTANCE,
    VOLUMETRIC_FLOW,
    quantity_io,
    to_si,
)

__all__ = [
    "OCP_OAM_FLOWS_LPM",
    "OCP_OAM_RESISTANCES",
    "OCP_REFERENCE_TEMPERATURE",
    "OcpFit",
    "ocp_oam_fit",
    "ColdPlate",
]

_LPM = 1.0e-3 / 60.0  # 1 L/min in m³/s
#: OCP OAI (2023) fig. 8, 1 kW OAM cold plate, DI water: flows [L/min] ...
OCP_OAM_FLOWS_LPM = (2.0, 3.0, 4.0, 5.0)
#: ... and case-to-inlet resistances [K/W] (validation case R26).
OCP_OAM_RESISTANCES = (0.0172, 0.0160, 0.0154, 0.0151)
#: Water temperature at which the fig. 8 data are taken to apply: 25 °C (assumption;
#: ρ·cp of water changes by 0.4 % between 20 and 45 °C, so the fit hardly depends on it).
OCP_REFERENCE_TEMPERATURE = 298.15


class OcpFit(NamedTuple):
    """Result of :func:`ocp_oam_fit` (SI)."""

    base_resistance: float  #: R_b [K/W]
    caloric_factor: float  #: β [-]
    flows: np.ndarray  #: fitted flows [m³/s]
    resistances: np.ndarray  #: published resistances [K/W]
    relative_residuals: np.ndarray  #: (model − data)/data [-]


@functools.lru_cache(maxsize=1)
def ocp_oam_fit() -> OcpFit:
    """Fit :math:`R = R_b + \\beta/(\\rho c_p \\dot V)` to the OCP 1 kW OAM cold-plate curve.

    Returns
    -------
    OcpFit
        ``base_resistance`` [K/W], ``caloric_factor`` [-], the data
        (``flows`` [m³/s], ``resistances`` [K/W]) and the relative residuals [-].

    Notes
    -----
    Linear least squares in the unknowns :math:`(R_b, \\beta)` with water
    properties at :data:`OCP_REFERENCE_TEMPERATURE`.  Result: R_b = 0.01366 K/W,
    β = 0.491, residuals within ±0.19 % (R26 asks for 3 %).  Valid over the
    fitted 2–5 L/min; see :class:`ColdPlate` for the range used.

    References
    ----------
    .. [1] Open Compute Project, *OAI System Liquid Cooling Guidelines* (2023), fig. 8.

    Examples
    --------
    >>> fit = ocp_oam_fit()
    >>> round(fit.base_resistance, 5), round(fit.caloric_factor, 3)
    (0.01366, 0.491)
    """
    w = _coolants.water()
    t = OCP_REFERENCE_TEMPERATURE
    v = np.asarray(OCP_OAM_FLOWS_LPM) * _LPM
    r = np.asarray(OCP_OAM_RESISTANCES)
    x = 1.0 / (w.density_si(t) * w.specific_heat_si(t) * v)
    a = np.column_stack([np.ones_like(x), x])
    (rb, beta), *_ = np.linalg.lstsq(a, r, rcond=None)
    return OcpFit(float(rb), float(beta), v, r, (rb + beta * x - r) / r)


def _coolant(c, name):
    if not isinstance(c, _coolants.Coolant):
        raise UnitError(
            f"parameter '{name}' must be a coolsim.coolants.Coolant such as coolants.water() or "
            f"coolants.propylene_glycol(0.25); got {type(c).__name__} ({c!r})"
        )
    return c


_FLOW = VOLUMETRIC_FLOW.positive()


@dataclass(frozen=True)
class ColdPlate:
    """A GPU cold plate: thermal resistance and pressure drop vs flow, any coolant.

    Parameters
    ----------
    base_resistance : pint.Quantity, optional
        Flow-independent part R_b (film + conduction + TIM to the case) in the
        reference coolant; default from :func:`ocp_oam_fit` (0.01366 K/W) [K/W].
    caloric_factor : float, optional
        β, the share of the coolant temperature rise seen by the case; default
        from the fit (0.491) [-].
    film_fraction : float, optional
        Share of R_b that is the convective film (scaled by k_ref/k for another
        coolant); default 0.5 (assumption) [-].
    reference_coolant : Coolant, optional
        Coolant of the thermal data; default water (OCP DI water) [-].
    reference_temperature : pint.Quantity, optional
        Temperature of the thermal data; default 25 °C (assumption) [K].
    nominal_pressure_drop : pint.Quantity, optional
        Δp at ``nominal_flow``; default 50 kPa (R26) [Pa].
    nominal_flow : pint.Quantity, optional
        Default 10 L/min (R26) [m³/s].
    pressure_exponent : float, optional
        n in Δp ∝ V̇ⁿ; default 1.85 (R26), in [1, 2] [-].
    pressure_coolant : Coolant, optional
        Coolant of the Δp data; default PG25 (R26) [-].
    pressure_temperature : pint.Quantity, optional
        Temperature of the Δp data; default 35 °C (assumption) [K].
    junction_resistance : pint.Quantity, optional
        Junction-to-case resistance of the device; default 0.015 K/W
        (assumption: ~10 K over the lid at 700 W; NVIDIA publishes no H100
        junction-to-case resistance, and the 0.01–0.03 K/W GPU figures of
        J. Electron. Packag. 146(4), 2024 are case-to-coolant, not this) [K/W].
    min_flow, max_flow : pint.Quantity, optional
        Range over which the model is used; default 0.5–10 L/min (assumption:
        the fit covers 2–5 L/min; the caloric term is exact by energy balance
        and laminar R_b is flow-independent, so it is extended, not clamped) [m³/s].

    Notes
    -----
    Case temperature :math:`T_c = T_{in} + P\\,R(\\dot V)`, junction
    :math:`T_j = T_c + P\\,R_{jc}`, with

    .. math:: R = R_b\\,[(1-f) + f\\,k_{ref}/k] + \\beta/(\\rho c_p \\dot V),
              \\qquad \\Delta p = \\Delta p_{nom}\\,(\\dot V/\\dot V_{nom})^n
              (\\rho/\\rho_{nom})^{n-1}(\\mu/\\mu_{nom})^{2-n}.

    Coolant properties are taken at the plate inlet temperature.

    References
    ----------
    .. [1] Open Compute Project, *OAI System Liquid Cooling Guidelines* (2023), fig. 8.
    .. [2] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed. (2011), sec. 8.4.

    Examples
    --------
    >>> from coolsim import Q_
    >>> from coolsim.coolants import water
    >>> r = ColdPlate().resistance(Q_(3, "L/min"), water(), Q_(25, "degC"))
    >>> round(float(r.m), 4)
    0.016
    """

    base_resistance: object = None
    caloric_factor: float | None = None
    film_fraction: float = 0.5
    reference_coolant: object = None
    reference_temperature: object = field(default_factory=lambda: Q_(OCP_REFERENCE_TEMPERATURE, "K"))
    nominal_pressure_drop: object = field(default_factory=lambda: Q_(50.0, "kPa"))
    nominal_flow: object = field(default_factory=lambda: Q_(10.0, "L/min"))
    pressure_exponent: float = 1.85
    pressure_coolant: object = None
    pressure_temperature: object = field(default_factory=lambda: Q_(308.15, "K"))
    junction_resistance: object = field(default_factory=lambda: Q_(0.015, "K/W"))
    min_flow: object = field(default_factory=lambda: Q_(0.5, "L/min"))
    max_flow: object = field(default_factory=lambda: Q_(10.0, "L/min"))
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        si = self._si
        fit = ocp_oam_fit() if self.base_resistance is None or self.caloric_factor is None else None
        si["rb"] = fit.base_resistance if self.base_resistance is None else to_si(
            self.base_resistance, THERMAL_RESISTANCE.positive(), "base_resistance")
        si["beta"] = fit.caloric_factor if self.caloric_factor is None else to_si(
            self.caloric_factor, DIMENSIONLESS.positive(), "caloric_factor")
        si["film"] = to_si(self.film_fraction, FRACTION, "film_fraction")
        ref = _coolant(self.reference_coolant or _coolants.water(), "reference_coolant")
        t_ref = ref.check_temperature_si(to_si(self.reference_temperature, TEMPERATURE.any(), "reference_temperature"),
                                         "reference_temperature")
        si["k_ref"] = ref.conductivity_si(t_ref)
        si["dp_nom"] = to_si(self.nominal_pressure_drop, PRESSURE.positive(), "nominal_pressure_drop")
        si["v_nom"] = to_si(self.nominal_flow, _FLOW, "nominal_flow")
        si["n"] = to_si(self.pressure_exponent, DIMENSIONLESS.between(1.0, 2.0), "pressure_exponent")
        pc = _coolant(self.pressure_coolant or _coolants.propylene_glycol(0.25), "pressure_coolant")
        t_p = pc.check_temperature_si(to_si(self.pressure_temperature, TEMPERATURE.any(), "pressure_temperature"),
                                      "pressure_temperature")
        si["rho_nom"], si["mu_nom"] = pc.density_si(t_p), pc.viscosity_si(t_p)
        si["rjc"] = to_si(self.junction_resistance, THERMAL_RESISTANCE.nonnegative(), "junction_resistance")
        si["vmin"] = to_si(self.min_flow, _FLOW, "min_flow")
        si["vmax"] = to_si(self.max_flow, _FLOW, "max_flow")
        if not np.all(si["vmin"] < si["vmax"]):
            raise OutOfRangeError(f"parameter 'min_flow' must be below 'max_flow'; got {float(np.min(si['vmin'])) * 6e4:.4g} "
                                  f">= {float(np.max(si['vmax'])) * 6e4:.4g} L/min")

    # -- SI cores ----------------------------------------------------------------
    def in_range_si(self, flow):
        """Mask: ``flow`` [m³/s] inside the model's flow range [-]."""
        return (flow >= self._si["vmin"]) & (flow <= self._si["vmax"])

    def flow_reason_si(self, flow, device="GPU"):
        """Feasibility reason for ``flow`` [m³/s] per plate outside the model range:
        the range and the flow farthest outside it, in L/min (one string for all elements)."""
        f, lo, hi = np.broadcast_arrays(np.asarray(flow, float), self._si["vmin"], self._si["vmax"])
        off = np.maximum(lo - f, 0.0) / lo + np.maximum(f - hi, 0.0) / hi  # relative distance outside
        i = np.unravel_index(np.argmax(off), off.shape)
        worst = " at worst" if np.count_nonzero(off) > 1 else ""
        return (f"{device} cold-plate flow outside the cold-plate model range ({lo[i] * 6e4:.3g} to "
                f"{hi[i] * 6e4:.3g} L/min): {f[i] * 6e4:.3g} L/min per plate{worst}")

    def resistance_si(self, flow, coolant, temperature):
        """Case-to-inlet resistance [K/W] at ``flow`` [m³/s] of ``coolant`` at ``temperature`` [K]."""
        s = self._si
        rho_cp = coolant.density_si(temperature) * coolant.specific_heat_si(temperature)
        film = s["rb"] * s["film"] * s["k_ref"] / coolant.conductivity_si(temperature)
        return s["rb"] * (1.0 - s["film"]) + film + s["beta"] / (rho_cp * flow)

    def pressure_drop_si(self, flow, coolant, temperature):
        """Pressure drop [Pa] at ``flow`` [m³/s] of ``coolant`` at ``temperature`` [K]."""
        s = self._si
        n = s["n"]
        prop = (coolant.density_si(temperature) / s["rho_nom"]) ** (n - 1.0) * (
            coolant.viscosity_si(temperature) / s["mu_nom"]) ** (2.0 - n)
        return s["dp_nom"] * (flow / s["v_nom"]) ** n * prop

    def case_temperature_si(self, power, flow, inlet_temperature, coolant):
        """Device case temperature [K] for ``power`` [W] at ``flow`` [m³/s] and coolant inlet [K]."""
        return inlet_temperature + power * self.resistance_si(flow, coolant, inlet_temperature)

    def junction_temperature_si(self, power, flow, inlet_temperature, coolant):
        """Device junction temperature [K]: case temperature plus ``power`` × R_jc."""
        return self.case_temperature_si(power, flow, inlet_temperature, coolant) + power * self._si["rjc"]

    # -- unit-aware --------------------------------------------------------------
    @quantity_io(returns=THERMAL_RESISTANCE, flow=_FLOW, temperature=TEMPERATURE.any())
    def resistance(self, flow, coolant, temperature):
        """Case-to-inlet thermal resistance.

        Parameters
        ----------
        flow : pint.Quantity
            Coolant flow through the plate [m³/s].
        coolant : coolsim.coolants.Coolant
            The coolant [-].
        temperature : pint.Quantity
            Coolant inlet temperature [K].

        Returns
        -------
        pint.Quantity
            R case→inlet [K/W].

        Examples
        --------
        >>> from coolsim import Q_
        >>> from coolsim.coolants import propylene_glycol
        >>> r = ColdPlate().resistance(Q_(1.5, "L/min"), propylene_glycol(0.25), Q_(35, "degC"))
        >>> round(float(r.m), 4)
        0.0203
        """
        return self.resistance_si(flow, _coolant(coolant, "coolant"), temperature)

    @quantity_io(returns=PRESSURE, flow=VOLUMETRIC_FLOW.nonnegative(), temperature=TEMPERATURE.any())
    def pressure_drop(self, flow, coolant, temperature):
        """Pressure drop across the plate.

        Parameters
        ----------
        flow : pint.Quantity
            Coolant flow [m³/s].
        coolant : coolsim.coolants.Coolant
            The coolant [-].
        temperature : pint.Quantity
            Coolant temperature [K].

        Returns
        -------
        pint.Quantity
            Δp [Pa].

        Examples
        --------
        >>> from coolsim import Q_
        >>> from coolsim.coolants import propylene_glycol
        >>> ColdPlate().pressure_drop(Q_(10, "L/min"), propylene_glycol(0.25), Q_(35, "degC")).to("kPa")
        <Quantity(50.0, 'kilopascal')>
        """
        return self.pressure_drop_si(flow, _coolant(coolant, "coolant"), temperature)

    @quantity_io(returns=TEMPERATURE, power=POWER.nonnegative(), flow=_FLOW, inlet_temperature=TEMPERATURE.any())
    def case_temperature(self, power, flow, inlet_temperature, coolant):
        """Device case temperature :math:`T_{in} + P\\,R(\\dot V)`.

        Parameters
        ----------
        power : pint.Quantity
            Heat into the plate [W].
        flow : pint.Quantity
            Coolant flow [m³/s].
        inlet_temperature : pint.Quantity
            Coolant temperature at the plate inlet [K].
        coolant : coolsim.coolants.Coolant
            The coolant [-].

        Returns
        -------
        pint.Quantity
            Case temperature [K].

        Examples
        --------
        >>> from coolsim import Q_
        >>> from coolsim.coolants import water
        >>> t = ColdPlate().case_temperature(Q_(1, "kW"), Q_(2, "L/min"), Q_(25, "degC"), water())
        >>> round(float(t.to("degC").m), 1)
        42.2
        """
        return self.case_temperature_si(power, flow, inlet_temperature, _coolant(coolant, "coolant"))
