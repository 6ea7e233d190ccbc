"""Coolant properties: water, glycol–water mixtures and dielectric immersion fluids.

Every coolant is a frozen :class:`Coolant` (liquids) or :class:`TwoPhaseFluid`
(a liquid that is also boiled, adding saturation properties at 1 atm).  Other
modules use these names, which are stable:

=============================================  ==================================================
API                                            meaning
=============================================  ==================================================
:func:`water`, :func:`propylene_glycol`,       constructors (glycols take a mass fraction in
:func:`ethylene_glycol`                        (0, 0.6] or a percent Quantity); cached, so equal
                                               arguments return the same object
:data:`NOVEC_7100`, :data:`NOVEC_649`          two-phase dielectric fluids (3M datasheets)
:data:`MINERAL_OIL_PNF`                        single-phase white mineral oil (Paratherm NF)
:func:`by_name`                                lookup for case files (``"pg30"``, ``"novec 649"``)
``c.name``, ``c.t_min``, ``c.t_max``           name and valid temperature range [K]
``c.freezing_point``                           [K] or ``None``
``c.density_si(T)`` …                          SI cores, ``T`` in K, float or array:
                                               ``density_si``, ``specific_heat_si``,
                                               ``viscosity_si``, ``conductivity_si``,
                                               ``kinematic_viscosity_si``, ``prandtl_si``,
                                               ``check_temperature_si(T, name)``
``c.density(T)`` …                             the same with Quantities in and out
``f.boiling_point``, ``f.latent_heat_si``,     two-phase fluids: saturation at 101 325 Pa
``f.vapour_density_si``,                       [K], [J/kg], [kg/m³]; ``surface_tension_si(T)``
``f.surface_tension_si(T)``                    [N/m] and ``surface_tension(T)``
=============================================  ==================================================

Water and glycols come from CoolProp (a runtime dependency): each coolant lazily
builds a table on a 0.1 K grid over its valid range and evaluates it with
``np.interp`` (viscosity as ``log μ``), so a 10⁶-point sweep costs a few
interpolations; ``tests/test_coolants.py`` bounds the table error against direct
CoolProp calls.  Outside ``[t_min, t_max]`` (below freezing, above the fit or
boiling limit, or beyond a datasheet's range) every method raises
:class:`~coolsim.errors.OutOfRangeError` naming the fluid, the parameter and the
valid range; nothing is clamped.
"""

from ._base import LOOP_PRESSURE, STANDARD_PRESSURE, Coolant, TwoPhaseFluid
from ._fluids import (
    MINERAL_OIL_PNF,
    NOVEC_649,
    NOVEC_7100,
    by_name,
    ethylene_glycol,
    propylene_glycol,
    water,
)

__all__ = [
    "Coolant",
    "TwoPhaseFluid",
    "water",
    "propylene_glycol",
    "ethylene_glycol",
    "by_name",
    "NOVEC_7100",
    "NOVEC_649",
    "MINERAL_OIL_PNF",
    "LOOP_PRESSURE",
    "STANDARD_PRESSURE",
]
