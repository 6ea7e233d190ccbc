"""Chiller models: a second-law-fraction (Carnot) chiller and the EnergyPlus
``Chiller:Electric:EIR`` curve model.

Both are frozen component dataclasses with the same leading arguments, an SI
core ``power_si(load, t_chw_supply, t_cond_entering)`` and a unit-aware
wrapper ``power(...)``.  Feasibility: a load above the available capacity is
*not* raised for array calls — the result carries a
:class:`~coolsim.feasibility.Feasibility` mask with the reason, and the power
is that of the chiller at its maximum output (what EnergyPlus reports when the
chilled water floats up).  A call whose inputs are all scalars raises
:class:`~coolsim.errors.InfeasibleError` instead.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..errors import OutOfRangeError, ValidityRangeError
from ..feasibility import Feasibility
from ..units import DIMENSIONLESS, POWER, TEMPERATURE, TEMPERATURE_DIFFERENCE, quantity_io
from ._common import check_order, field_si, finish, is_scalar

__all__ = [
    "KW_PER_TON",
    "carnot_cop",
    "cop_from_kw_per_ton",
    "kw_per_ton_from_cop",
    "Biquadratic",
    "Quadratic",
    "CurveRange",
    "CarnotChiller",
    "EIRChiller",
    "ChillerOperationSI",
    "ChillerOperation",
    "DOE2_CENTRIFUGAL_CAPFT",
    "DOE2_CENTRIFUGAL_EIRFT",
    "DOE2_CENTRIFUGAL_EIRFPLR",
]

_ZERO_C = 273.15
_TON = 3516.8528420666667  # W per refrigeration ton (12,000 Btu_IT/h)

#: Chiller efficiency in kW of electric input per refrigeration ton of cooling.
#: Dimensionless in SI (W/W); this kind keeps the industry scale: a plain
#: number is read as kW/ton.  (Defined here; candidate for ``coolsim.units``.)
from ..units import KW_PER_TON  # noqa: E402  (defined in coolsim.units)


@quantity_io(returns=DIMENSIONLESS, t_evaporating=TEMPERATURE.positive(), t_condensing=TEMPERATURE.positive())
def carnot_cop(t_evaporating, t_condensing):
    """Carnot (reversible) cooling COP between two absolute temperatures.

    Parameters
    ----------
    t_evaporating : pint.Quantity
        Refrigerant evaporating temperature [K].
    t_condensing : pint.Quantity
        Refrigerant condensing temperature, above ``t_evaporating`` [K].

    Returns
    -------
    float or numpy.ndarray
        :math:`COP_{Carnot}` [-].

    Notes
    -----
    :math:`COP_{Carnot} = T_{evap} / (T_{cond} - T_{evap})`, temperatures in
    kelvin; defined for :math:`T_{cond} > T_{evap}`.

    References
    ----------
    .. [1] Y. A. Çengel and M. A. Boles, *Thermodynamics: An Engineering
       Approach*, 8th ed., McGraw-Hill, 2015, sec. 6-7 (reversed Carnot cycle).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(carnot_cop(Q_(6.67, "degC"), Q_(35, "degC")), 2)
    9.88
    """
    check_order(t_evaporating, t_condensing, "t_evaporating", "t_condensing", "a refrigeration cycle needs lift")
    return t_evaporating / (t_condensing - t_evaporating)


@quantity_io(returns=DIMENSIONLESS, kw_per_ton=KW_PER_TON.positive())
def cop_from_kw_per_ton(kw_per_ton):
    """COP of a chiller rated in kW per refrigeration ton.

    Parameters
    ----------
    kw_per_ton : pint.Quantity or float
        Electric input per unit cooling, e.g. ``Q_(0.6, "kW/refrigeration_ton")``;
        a plain number is read as kW/ton [kW/ton].

    Returns
    -------
    float or numpy.ndarray
        COP [-].

    Notes
    -----
    :math:`COP = 3.516853 / (kW/ton)`, since one refrigeration ton is
    12,000 Btu/h = 3.516853 kW.

    References
    ----------
    .. [1] AHRI Standard 550/590 (I-P)-2020, *Performance Rating of
       Water-Chilling and Heat Pump Water-Heating Packages*, sec. 3 (definitions
       of efficiency in kW/ton and COP).

    Examples
    --------
    >>> round(cop_from_kw_per_ton(0.6), 2)
    5.86
    """
    return (_TON / 1000.0) / kw_per_ton


@quantity_io(returns=KW_PER_TON, cop=DIMENSIONLESS.positive())
def kw_per_ton_from_cop(cop):
    """Chiller efficiency in kW/ton from a COP (inverse of :func:`cop_from_kw_per_ton`).

    Parameters
    ----------
    cop : float
        Coefficient of performance [-].

    Returns
    -------
    float or numpy.ndarray
        Electric input per refrigeration ton [kW/ton].

    Notes
    -----
    :math:`kW/ton = 3.516853 / COP`.

    References
    ----------
    .. [1] AHRI Standard 550/590 (I-P)-2020, sec. 3.

    Examples
    --------
    >>> round(kw_per_ton_from_cop(5.8614), 4)
    0.6
    """
    return (_TON / 1000.0) / cop


# ---------------------------------------------------------------------------
# Performance curves (EnergyPlus Curve:Biquadratic / Curve:Quadratic)
# ---------------------------------------------------------------------------
class CurveRange(enum.Enum):
    """What a curve does with inputs outside its declared limits.

    ``RAISE`` (default) raises :class:`~coolsim.errors.ValidityRangeError`;
    ``CLAMP`` holds each input at its limit, as EnergyPlus does when it
    evaluates a curve (reported in ``within_curve_range``, never silent);
    ``EXTRAPOLATE`` evaluates the polynomial as is (also reported).
    """

    RAISE = "raise"
    CLAMP = "clamp"
    EXTRAPOLATE = "extrapolate"


@dataclass(frozen=True)
class Biquadratic:
    """:math:`a + b x + c x^2 + d y + e y^2 + f x y` with input limits.

    ``coefficients`` are ``(a, b, c, d, e, f)``; for chiller curves ``x`` is the
    leaving chilled-water and ``y`` the entering condenser temperature, both in
    °C, as EnergyPlus defines them.
    """

    coefficients: tuple
    x_min: float
    x_max: float
    y_min: float
    y_max: float
    name: str = ""

    def __call__(self, x, y):
        # grouped so that a term in ``x`` alone (often a scalar) is not spread over ``y``'s shape
        a, b, c, d, e, f = self.coefficients
        return (a + x * (b + c * x)) + y * ((d + f * x) + e * y)

    def normalized_at(self, x, y) -> "Biquadratic":
        """The same curve scaled so that it equals 1 at ``(x, y)``."""
        v = float(self(x, y))
        return Biquadratic(tuple(c / v for c in self.coefficients), self.x_min, self.x_max,
                           self.y_min, self.y_max, self.name + " (normalized)")


@dataclass(frozen=True)
class Quadratic:
    """:math:`a + b x + c x^2` with input limits (EnergyPlus ``Curve:Quadratic``)."""

    coefficients: tuple
    x_min: float
    x_max: float
    name: str = ""

    def __call__(self, x):
        a, b, c = self.coefficients
        return a + x * (b + c * x)


# EnergyPlus datasets/Chillers.idf, object "DOE-2 Centrifugal/5.50COP" (a generic
# water-cooled centrifugal chiller from DOE-2.1E; curves "same as DOE-2.1E
# HERM-CENT-CAP-FT / -EIR-FT / -EIR-FPLR").  Reference 6.67 °C leaving chilled
# water, 29.4 °C entering condenser water, COP 5.5.
#: Cooling capacity function of temperature, ``DOE-2 Centrifugal/5.50COP CAPFT``.
DOE2_CENTRIFUGAL_CAPFT = Biquadratic(
    (0.257896, 0.389016e-01, -0.217080e-03, 0.468684e-01, -0.942840e-03, -0.343440e-03),
    5.0, 10.0, 24.0, 35.0, "DOE-2 Centrifugal/5.50COP CAPFT")
#: EIR function of temperature, ``DOE-2 Centrifugal/5.50COP EIRFT``.
DOE2_CENTRIFUGAL_EIRFT = Biquadratic(
    (0.933884, -0.582120e-01, 0.450036e-02, 0.243000e-02, 0.486000e-03, -0.121500e-02),
    5.0, 10.0, 24.0, 35.0, "DOE-2 Centrifugal/5.50COP EIRFT")
#: EIR function of part-load ratio, ``DOE-2 Centrifugal/5.50COP EIRFPLR``.
DOE2_CENTRIFUGAL_EIRFPLR = Quadratic((0.222903, 0.313387, 0.463710), 0.0, 1.0,
                                     "DOE-2 Centrifugal/5.50COP EIRFPLR")


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------
class ChillerOperationSI(NamedTuple):
    """What a chiller core returns (SI floats or float64 arrays)."""

    power: object  #: compressor electric power [W]
    cop: object  #: delivered cooling / power; at zero load the full-load COP at those temperatures [-]
    capacity: object  #: available capacity at these temperatures [W]
    part_load_ratio: object  #: operating PLR (after the minimum-unloading reset) [-]
    false_load: object  #: false loading (hot-gas bypass) [W]
    unmet_load: object  #: load above the available capacity [W]
    within_curve_range: object  #: bool, curve inputs inside their declared limits
    feasibility: Feasibility  #: feasible where the load is met


@dataclass(frozen=True)
class ChillerOperation:
    """Unit-aware chiller result (see :class:`ChillerOperationSI` for the fields)."""

    power: object
    cop: object
    capacity: object
    part_load_ratio: object
    false_load: object
    unmet_load: object
    within_curve_range: object
    feasibility: Feasibility

    @classmethod
    def from_si(cls, r: ChillerOperationSI) -> "ChillerOperation":
        w = POWER.quantity
        return cls(w(r.power), r.cop, w(r.capacity), r.part_load_ratio, w(r.false_load),
                   w(r.unmet_load), r.within_curve_range, r.feasibility)


_LOAD_SPECS = dict(load=POWER.nonnegative(), t_chw_supply=TEMPERATURE.positive(),
                   t_cond_entering=TEMPERATURE.positive())
_NO_LIFT = "a chiller needs the condenser warmer than the chilled water; otherwise use free cooling"


def _over_capacity(load, delivered_max):
    feasible = load <= delivered_max * (1.0 + 1e-12)
    return Feasibility.check(feasible, "load above the chiller's available capacity")


# ---------------------------------------------------------------------------
# Second-law-fraction chiller
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class CarnotChiller:
    """Chiller whose COP is a fixed fraction of the Carnot COP.

    Parameters
    ----------
    eta_ii : float
        Second-law efficiency :math:`\\eta_{II}`, in (0, 1] [-].
    evaporator_approach : pint.Quantity
        Chilled-water supply minus refrigerant evaporating temperature; default
        2 K (assumption: typical evaporator small temperature difference 1–3 K) [K].
    condenser_approach : pint.Quantity
        Refrigerant condensing minus condenser-fluid entering temperature:
        condenser-water range plus condensing approach; default 7 K
        (assumption: 5.6 K (10 °F) range of the AHRI 550/590 rating flow plus
        ~1.5 K approach).  For an air-cooled condenser use entering air [K].
    capacity : pint.Quantity or None
        Maximum cooling output; ``None`` means unlimited [W].

    Notes
    -----
    :math:`T_{evap} = T_{chw,supply} - \\Delta T_{evap}`,
    :math:`T_{cond} = T_{cond,entering} + \\Delta T_{cond}`,
    :math:`COP = \\eta_{II} T_{evap} / (T_{cond} - T_{evap})`,
    :math:`P = Q / COP`.  No part-load degradation.  Valid for vapour-compression
    chillers at moderate lift (roughly 10–40 K); at very low lift real COPs
    level off, which this model does not capture.

    References
    ----------
    .. [1] J. M. Gordon and K. C. Ng, *Cool Thermodynamics*, Cambridge
       International Science Publishing, 2000, ch. 2 (chiller COP relative to
       the Carnot limit).

    Examples
    --------
    >>> from coolsim import Q_
    >>> ch = CarnotChiller(0.55, Q_(0, "K"), Q_(0, "K"))
    >>> round(ch.cop(Q_(6.67, "degC"), Q_(35, "degC")), 2)
    5.43
    """

    eta_ii: float
    evaporator_approach: object = None
    condenser_approach: object = None
    capacity: object = None

    def __post_init__(self):
        from ..units import Q_

        if self.evaporator_approach is None:
            object.__setattr__(self, "evaporator_approach", Q_(2.0, "K"))
        if self.condenser_approach is None:
            object.__setattr__(self, "condenser_approach", Q_(7.0, "K"))
        field_si(self, "eta_ii", DIMENSIONLESS.between(0.0, 1.0, lo_open=True))
        field_si(self, "evaporator_approach", TEMPERATURE_DIFFERENCE.between(0.0, 30.0))
        field_si(self, "condenser_approach", TEMPERATURE_DIFFERENCE.between(0.0, 40.0))
        field_si(self, "capacity", POWER.positive(), allow_none=True)

    def cop_si(self, t_chw_supply, t_cond_entering):
        """Full- and part-load COP [-] (SI core of :meth:`cop`)."""
        check_order(t_chw_supply, t_cond_entering, "t_chw_supply", "t_cond_entering", _NO_LIFT)
        t_evap = t_chw_supply - self._s.evaporator_approach
        t_cond = t_cond_entering + self._s.condenser_approach
        return self._s.eta_ii * t_evap / (t_cond - t_evap)

    @quantity_io(returns=DIMENSIONLESS, t_chw_supply=TEMPERATURE.positive(), t_cond_entering=TEMPERATURE.positive())
    def cop(self, t_chw_supply, t_cond_entering):
        """COP at a chilled-water supply and condenser entering temperature [-]."""
        return self.cop_si(t_chw_supply, t_cond_entering)

    def _plant_power_si(self, load, t_chw_supply, t_cond_entering):
        """Compressor power [W] and feasibility (the interface a plant uses)."""
        op = self.power_si(load, t_chw_supply, t_cond_entering)
        return op.power, op.feasibility

    def power_si(self, load, t_chw_supply, t_cond_entering) -> ChillerOperationSI:
        """SI core: compressor power for ``load`` [W] at the two temperatures [K]."""
        cop = self.cop_si(t_chw_supply, t_cond_entering)
        cap = np.inf if self._s.capacity is None else self._s.capacity
        load, cop = np.broadcast_arrays(np.asarray(load, float), np.asarray(cop, float))
        delivered = np.minimum(load, cap)
        feas = finish(_over_capacity(load, cap), "CarnotChiller.power",
                      is_scalar(load, t_chw_supply, t_cond_entering))
        cap_arr = np.full(load.shape, cap)
        plr = delivered / cap_arr
        zeros = np.zeros(load.shape)
        out = ChillerOperationSI(delivered / cop, cop, cap_arr, plr, zeros, load - delivered,
                                 np.ones(load.shape, bool), feas)
        return _squeeze(out)

    @quantity_io(**_LOAD_SPECS)
    def power(self, load, t_chw_supply, t_cond_entering) -> ChillerOperation:
        """Unit-aware :meth:`power_si`; returns a :class:`ChillerOperation`."""
        return ChillerOperation.from_si(self.power_si(load, t_chw_supply, t_cond_entering))


def _squeeze(r: ChillerOperationSI) -> ChillerOperationSI:
    """Return 0-d results as Python floats/bools (scalar in, scalar out)."""
    if np.ndim(r.power) != 0:
        return r
    vals = [float(v) if i < 6 else bool(v) for i, v in enumerate(r[:7])]
    return ChillerOperationSI(*vals, r.feasibility)


# ---------------------------------------------------------------------------
# EnergyPlus Chiller:Electric:EIR
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class EIRChiller:
    """EnergyPlus ``Chiller:Electric:EIR`` (condenser-entering-temperature) model.

    Parameters
    ----------
    reference_capacity : pint.Quantity
        Cooling capacity at the reference temperatures [W].
    reference_cop : float
        COP at the reference temperatures and full load [-].
    capft, eirft : Biquadratic
        Capacity and EIR modifiers in leaving chilled-water ``x`` and entering
        condenser ``y`` temperature (°C) [-].
    eirfplr : Quadratic
        EIR modifier in part-load ratio [-].
    min_part_load_ratio, max_part_load_ratio, min_unloading_ratio : float
        EnergyPlus fields of the same names; defaults 0.1, 1.0, 0.2 from the
        ``DOE-2 Centrifugal/5.50COP`` object of ``Chillers.idf`` [-].
    outside_curve_range : CurveRange
        Policy for curve inputs outside the curve limits (default ``RAISE``;
        ``CLAMP`` reproduces EnergyPlus).
    reference_chw_leaving, reference_cond_entering : pint.Quantity
        The reference temperatures (documentation and checks), default 6.67 °C
        and 29.4 °C as in the DOE-2 object [K].

    Notes
    -----
    With :math:`x = T_{chw,l}`, :math:`y = T_{cond,e}` in °C:
    :math:`Q_{avail} = Q_{ref}\\,CAPFT(x, y)`;
    :math:`PLR = \\max(0, \\min(Q/Q_{avail}, PLR_{max}))`;
    :math:`CR = \\min(PLR/PLR_{min}, 1)` (on/off cycling below the minimum PLR);
    :math:`PLR' = \\max(PLR, PLR_{unload})` (false loading between the minimum
    unloading ratio and the minimum PLR);
    :math:`P = Q_{avail}\\,EIRFT(x, y)\\,EIRFPLR(PLR')\\,CR / COP_{ref}`;
    :math:`Q_{false} = Q_{avail} PLR' CR - Q`.  A load above
    :math:`Q_{avail} PLR_{max}` is infeasible (mask, or InfeasibleError for a
    scalar call).  Valid inside the curve limits (DOE-2 centrifugal:
    5–10 °C chilled water, 24–35 °C condenser water).

    References
    ----------
    .. [1] U.S. DOE, *EnergyPlus Engineering Reference*, "Electric Chiller
       Model Based on Condenser Entering Temperature" (Chiller:Electric:EIR),
       EnergyPlus 9–24, github.com/NREL/EnergyPlus,
       doc/engineering-reference/src/simulation-models-encyclopedic-reference/chillers.tex.
    .. [2] EnergyPlus dataset ``datasets/Chillers.idf``, object
       ``DOE-2 Centrifugal/5.50COP`` and its curves (commit 073d9a90).

    Examples
    --------
    >>> from coolsim import Q_
    >>> ch = EIRChiller.doe2_centrifugal(Q_(1000, "kW"))
    >>> op = ch.power(Q_(500, "kW"), Q_(7, "degC"), Q_(27, "degC"))
    >>> round(float(op.power.to("kW").m), 1), round(op.cop, 2)
    (85.1, 5.88)
    """

    reference_capacity: object
    reference_cop: float
    capft: Biquadratic
    eirft: Biquadratic
    eirfplr: Quadratic
    min_part_load_ratio: float = 0.1
    max_part_load_ratio: float = 1.0
    min_unloading_ratio: float = 0.2
    outside_curve_range: CurveRange = CurveRange.RAISE
    reference_chw_leaving: object = None
    reference_cond_entering: object = None

    def __post_init__(self):
        from ..units import Q_

        if self.reference_chw_leaving is None:
            object.__setattr__(self, "reference_chw_leaving", Q_(6.67, "degC"))
        if self.reference_cond_entering is None:
            object.__setattr__(self, "reference_cond_entering", Q_(29.4, "degC"))
        field_si(self, "reference_capacity", POWER.positive())
        field_si(self, "reference_cop", DIMENSIONLESS.positive())
        field_si(self, "reference_chw_leaving", TEMPERATURE.positive())
        field_si(self, "reference_cond_entering", TEMPERATURE.positive())
        for name in ("min_part_load_ratio", "min_unloading_ratio"):
            field_si(self, name, DIMENSIONLESS.between(0.0, 1.0))
        field_si(self, "max_part_load_ratio", DIMENSIONLESS.between(0.0, 2.0, lo_open=True))
        if not (self._s.min_part_load_ratio <= self._s.min_unloading_ratio <= self._s.max_part_load_ratio):
            raise OutOfRangeError(
                "parameter 'min_unloading_ratio' must satisfy min_part_load_ratio <= "
                f"min_unloading_ratio <= max_part_load_ratio; got {self._s.min_part_load_ratio} <= "
                f"{self._s.min_unloading_ratio} <= {self._s.max_part_load_ratio}")
        if not isinstance(self.outside_curve_range, CurveRange):
            raise OutOfRangeError("parameter 'outside_curve_range' must be a CurveRange member; "
                                  f"got {self.outside_curve_range!r}")
        for name, kind in (("capft", Biquadratic), ("eirft", Biquadratic), ("eirfplr", Quadratic)):
            if not isinstance(getattr(self, name), kind):
                raise OutOfRangeError(f"parameter '{name}' must be a {kind.__name__}; got {getattr(self, name)!r}")

    @classmethod
    def doe2_centrifugal(cls, reference_capacity, **kwargs) -> "EIRChiller":
        """The ``DOE-2 Centrifugal/5.50COP`` chiller of EnergyPlus ``Chillers.idf``.

        The dataset object autosizes its capacity, so the capacity is given
        here; COP 5.5, curves, PLR limits and reference temperatures are the
        dataset's.  ``kwargs`` override other fields (e.g. ``outside_curve_range``).
        """
        return cls(reference_capacity, 5.5, DOE2_CENTRIFUGAL_CAPFT, DOE2_CENTRIFUGAL_EIRFT,
                   DOE2_CENTRIFUGAL_EIRFPLR, **kwargs)

    def _inputs(self, values, lo, hi, name, unit, masks=True):
        """``values`` under the curve-range policy, and where they were inside the limits
        (``None`` when ``masks`` is false and the policy needs no check)."""
        policy = self.outside_curve_range
        if not masks and policy is not CurveRange.RAISE:
            return (np.clip(values, lo, hi) if policy is CurveRange.CLAMP else values), None
        inside = (values >= lo) & (values <= hi)
        if policy is CurveRange.RAISE and not np.all(inside):
            bad = np.asarray(values)[~inside] if np.ndim(values) else values
            first = float(np.ravel(bad)[0])
            raise ValidityRangeError(
                f"parameter '{name}' is outside the chiller curve range [{lo:g}, {hi:g}] {unit}; got "
                f"{first:.4g} {unit}. Pass outside_curve_range=CurveRange.CLAMP (EnergyPlus behaviour) "
                "or CurveRange.EXTRAPOLATE to evaluate anyway.")
        if policy is CurveRange.CLAMP:
            values = np.clip(values, lo, hi)
        return values, inside

    def _operate(self, load, t_chw_supply, t_cond_entering, masks=True):
        """The shared core: a dict of the SI results.  The curves are evaluated at the
        broadcast shape of the two temperatures only (a constant chilled-water
        setpoint is not spread over the hours before it has to be)."""
        check_order(t_chw_supply, t_cond_entering, "t_chw_supply", "t_cond_entering", _NO_LIFT)
        scalar = is_scalar(load, t_chw_supply, t_cond_entering)
        s, c1, c2 = self._s, self.capft, self.eirft
        load = np.asarray(load, float)
        x, in_x = self._inputs(np.asarray(t_chw_supply, float) - _ZERO_C, max(c1.x_min, c2.x_min),
                               min(c1.x_max, c2.x_max), "t_chw_supply", "degC", masks)
        y, in_y = self._inputs(np.asarray(t_cond_entering, float) - _ZERO_C, max(c1.y_min, c2.y_min),
                               min(c1.y_max, c2.y_max), "t_cond_entering", "degC", masks)
        capft, eirft = c1(x, y), c2(x, y)
        if np.any(capft <= 0) or np.any(eirft <= 0):
            raise ValidityRangeError(
                "parameters 't_chw_supply'/'t_cond_entering': the chiller curves give a non-positive "
                "capacity or EIR modifier here (extrapolated too far); use CurveRange.CLAMP or other curves")
        q_avail = capft * s.reference_capacity
        feas = finish(_over_capacity(load, q_avail * s.max_part_load_ratio), "EIRChiller.power", scalar)
        plr = np.clip(load / q_avail, 0.0, s.max_part_load_ratio)  # EnergyPlus PLR definition; excess flagged above
        plr_op = np.maximum(plr, s.min_unloading_ratio)
        p_curve, in_p = self._inputs(plr_op, self.eirfplr.x_min, self.eirfplr.x_max, "part_load_ratio", "", masks)
        power = self.eirfplr(p_curve)
        power *= eirft
        power *= q_avail
        if s.min_part_load_ratio > 0:
            cycling = np.minimum(plr / s.min_part_load_ratio, 1.0)  # on/off cycling below PLR_min
            power *= cycling
        else:
            cycling = 1.0
        power /= s.reference_cop
        return dict(power=power, feas=feas, plr=plr, plr_op=plr_op, cycling=cycling, q_avail=q_avail,
                    eirft=eirft, load=load, in_range=(in_x, in_y, in_p))

    def _plant_power_si(self, load, t_chw_supply, t_cond_entering):
        """Compressor power [W] and feasibility only (the plant's fast path): the same
        values as the ``power`` and ``feasibility`` of :meth:`power_si`."""
        r = self._operate(load, t_chw_supply, t_cond_entering, masks=False)
        power = r["power"]
        return (float(power) if np.ndim(power) == 0 else power), r["feas"]

    def power_si(self, load, t_chw_supply, t_cond_entering) -> ChillerOperationSI:
        """SI core: compressor power for ``load`` [W] at the two temperatures [K]."""
        r = self._operate(load, t_chw_supply, t_cond_entering)
        power, plr, plr_op, q_avail, load = r["power"], r["plr"], r["plr_op"], r["q_avail"], r["load"]
        shape = np.shape(power)
        q_evap = plr * q_avail
        false_load = q_avail * plr_op * r["cycling"] - q_evap
        full = self._s.reference_cop / (r["eirft"] * self.eirfplr(np.clip(1.0, self.eirfplr.x_min, self.eirfplr.x_max)))
        with np.errstate(divide="ignore", invalid="ignore"):
            cop = np.where(power > 0, q_evap / np.where(power > 0, power, 1.0), full)
        in_x, in_y, in_p = r["in_range"]
        out = ChillerOperationSI(power, np.broadcast_to(cop, shape).copy(), np.broadcast_to(q_avail, shape).copy(),
                                 plr_op * (plr > 0), false_load, load - q_evap,
                                 np.broadcast_to(in_x & in_y & in_p, shape).copy(), r["feas"])
        return _squeeze(out)

    @quantity_io(**_LOAD_SPECS)
    def power(self, load, t_chw_supply, t_cond_entering) -> ChillerOperation:
        """Unit-aware :meth:`power_si`; returns a :class:`ChillerOperation`."""
        return ChillerOperation.from_si(self.power_si(load, t_chw_supply, t_cond_entering))
