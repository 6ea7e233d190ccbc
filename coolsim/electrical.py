"""Electrical losses between the utility meter and the IT equipment.

Three stages are modelled, each as a vectorised SI core behind the
:func:`~coolsim.units.quantity_io` boundary:

* the UPS, with the three-term loss model (no-load, proportional and
  square-law losses) of :func:`ups_loss`;
* power distribution (PDU transformer and cabling), with a no-load plus
  load-squared copper loss (:func:`transformer_loss`) or a fixed efficiency;
* lighting and other small facility loads, as power per floor area or fixed.

:class:`ElectricalChain` composes them for an IT power array.  Where each loss
sits with respect to the PUE boundary: UPS, PDU/transformer and lighting
losses are *facility overhead*; server fans, power supplies and voltage
regulators are inside the IT power (see :mod:`coolsim.metrics`).

Ratings are aggregate ratings of the units on line: ``N`` identical UPS
modules of rating ``r`` sharing a load ``L`` equally lose
``N r p0 + k1 L + k2 L²/(N r)``, which is the single-unit formula with rating
``N r``.  For a 2N system give the rating of both sides together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .errors import InfeasibleError, OutOfRangeError
from .units import AREA, FRACTION, HEAT_FLUX, POWER, Q_, quantity_io, to_si

__all__ = [
    "ups_loss",
    "ups_efficiency",
    "transformer_loss",
    "lighting_power",
    "UPS",
    "PDU",
    "Lighting",
    "ElectricalChain",
    "ElectricalLosses",
]

# Default UPS coefficients (per unit of rating).  Assumption: illustrative
# values of a double-conversion UPS (efficiency 89 % at 10 % load, 95 % at
# 50-100 % load); they are the coefficients of validation case R32.
UPS_NO_LOAD = 0.01
UPS_PROPORTIONAL = 0.02
UPS_SQUARE = 0.02
# Default distribution-transformer coefficients.  Assumption, chosen so that
# the efficiency at 35 % load (98.74 %) meets the US DOE 2016 minimum for a
# 75 kVA three-phase low-voltage dry-type transformer (98.60 %, 10 CFR 431.196).
PDU_NO_LOAD = 0.003
PDU_COPPER = 0.012


def _check_load(x, what):
    """Raise InfeasibleError when a per-unit load exceeds 1 (overload).

    A relative slack of 1e-9 absorbs rounding from unit conversion (a load
    equal to the rating written in other units); it is not a clamp.
    """
    limit = 1.0 + 1e-9
    if type(x) is float:
        if x > limit:
            raise InfeasibleError(f"parameter '{what}' overloads the unit: load/rating = {x:.4g} > 1 (allowed 0 ... 1)")
        return
    bad = x > limit
    if np.any(bad):
        i = int(np.argmax(bad))
        raise InfeasibleError(
            f"parameter '{what}' overloads the unit: load/rating = {np.ravel(x)[i]:.4g} > 1 "
            f"at flat index {i} ({int(bad.sum())} of {x.size} values; allowed 0 ... 1)"
        )


@quantity_io(
    returns=POWER,
    load=POWER.nonnegative(),
    rating=POWER.positive(),
    no_load_loss=FRACTION,
    proportional_loss=FRACTION,
    square_loss=FRACTION,
)
def ups_loss(load, rating, no_load_loss=UPS_NO_LOAD, proportional_loss=UPS_PROPORTIONAL, square_loss=UPS_SQUARE):
    """Power lost in a UPS delivering ``load`` (three-term loss model).

    Parameters
    ----------
    load : pint.Quantity
        Output power delivered by the UPS [W].
    rating : pint.Quantity
        Aggregate rating of the UPS modules on line (both sides of a 2N system) [W].
    no_load_loss : float, optional
        Loss at zero load per unit of rating, ``p0`` (default 0.01, assumption) [-].
    proportional_loss : float, optional
        Loss proportional to load per unit of rating, ``k1`` (default 0.02, assumption) [-].
    square_loss : float, optional
        Loss proportional to the square of the load per unit of rating, ``k2``
        (default 0.02, assumption) [-].

    Returns
    -------
    pint.Quantity
        Power lost in the UPS [W]; the input power is ``load + loss``.

    Raises
    ------
    InfeasibleError
        If ``load > rating`` (overload).

    Notes
    -----
    With the per-unit load :math:`x = P_{out}/P_{rated}`,

    .. math:: P_{loss} = P_{rated}\\,(p_0 + k_1 x + k_2 x^2), \\qquad
              \\eta = \\frac{x}{x + p_0 + k_1 x + k_2 x^2}.

    The efficiency is referred to the *output* power and peaks at
    :math:`x^* = \\sqrt{p_0/k_2}`.  Valid for :math:`0 \\le x \\le 1`;
    a load above the rating raises rather than extrapolating.

    References
    ----------
    .. [1] N. Rasmussen, "Electrical Efficiency Modeling for Data Centers",
       APC by Schneider Electric White Paper 113, rev. 2 (2011): no-load,
       proportional and square-law losses.
    .. [2] V. Avelar, "Making Large UPS Systems More Efficient", Schneider
       Electric White Paper 108, rev. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> ups_loss(Q_(100, "kW"), Q_(1, "MW")).to("kW")
    <Quantity(12.2, 'kilowatt')>
    """
    x = load / rating
    _check_load(x, "load")
    return rating * (no_load_loss + proportional_loss * x + square_loss * x * x)


@quantity_io(
    load=POWER.nonnegative(),
    rating=POWER.positive(),
    no_load_loss=FRACTION,
    proportional_loss=FRACTION,
    square_loss=FRACTION,
)
def ups_efficiency(load, rating, no_load_loss=UPS_NO_LOAD, proportional_loss=UPS_PROPORTIONAL, square_loss=UPS_SQUARE):
    """UPS efficiency (output over input power) at ``load``.

    Parameters
    ----------
    load : pint.Quantity
        Output power delivered by the UPS [W].
    rating : pint.Quantity
        Aggregate rating of the UPS modules on line [W].
    no_load_loss : float, optional
        Loss at zero load per unit of rating (default 0.01, assumption) [-].
    proportional_loss : float, optional
        Loss proportional to load per unit of rating (default 0.02, assumption) [-].
    square_loss : float, optional
        Square-law loss per unit of rating (default 0.02, assumption) [-].

    Returns
    -------
    float or numpy.ndarray
        Efficiency :math:`\\eta = P_{out}/(P_{out}+P_{loss})` [-]; 0 at zero load.

    Notes
    -----
    :math:`\\eta = x / (x + p_0 + k_1 x + k_2 x^2)` with :math:`x` the load
    per unit of rating, valid for :math:`0 \\le x \\le 1` (see :func:`ups_loss`).

    References
    ----------
    .. [1] N. Rasmussen, "Electrical Efficiency Modeling for Data Centers",
       APC by Schneider Electric White Paper 113, rev. 2 (2011).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(ups_efficiency(Q_(300, "kW"), Q_(1, "MW")), 4)
    0.944
    """
    loss = ups_loss.si(load, rating, no_load_loss, proportional_loss, square_loss)
    return load / (load + loss)


@quantity_io(
    returns=POWER,
    load=POWER.nonnegative(),
    rating=POWER.positive(),
    no_load_loss=FRACTION,
    copper_loss=FRACTION,
)
def transformer_loss(load, rating, no_load_loss=PDU_NO_LOAD, copper_loss=PDU_COPPER):
    """Power lost in a distribution transformer or PDU delivering ``load``.

    Parameters
    ----------
    load : pint.Quantity
        Output power [W].
    rating : pint.Quantity
        Aggregate rating of the units on line [W].
    no_load_loss : float, optional
        Core (no-load) loss per unit of rating (default 0.003, assumption) [-].
    copper_loss : float, optional
        Winding (copper) loss at rated load per unit of rating
        (default 0.012, assumption) [-].

    Returns
    -------
    pint.Quantity
        Power lost [W].

    Raises
    ------
    InfeasibleError
        If ``load > rating``.

    Notes
    -----
    Core loss is constant and copper loss grows with the square of the
    current: :math:`P_{loss} = P_{rated}(p_{nl} + p_{cu}\\,x^2)`, with
    :math:`x` the load per unit of rating, at unity power factor.  The default
    coefficients give 98.74 % at 35 % load, just above the US DOE 2016 minimum
    for a 75 kVA three-phase low-voltage dry-type transformer (98.60 %).
    Valid for :math:`0 \\le x \\le 1`.

    References
    ----------
    .. [1] US Code of Federal Regulations, 10 CFR 431.196, energy conservation
       standards for low-voltage dry-type distribution transformers (2016 levels).
    .. [2] N. Rasmussen, "Electrical Efficiency Modeling for Data Centers",
       APC by Schneider Electric White Paper 113, rev. 2 (2011).

    Examples
    --------
    >>> from coolsim import Q_
    >>> transformer_loss(Q_(350, "kW"), Q_(1, "MW")).to("kW")
    <Quantity(4.47, 'kilowatt')>
    """
    x = load / rating
    _check_load(x, "load")
    return rating * (no_load_loss + copper_loss * x * x)


@quantity_io(returns=POWER, floor_area=AREA.nonnegative(), power_density=HEAT_FLUX.nonnegative())
def lighting_power(floor_area, power_density):
    """Lighting power of a floor area at a power density.

    Parameters
    ----------
    floor_area : pint.Quantity
        Lit floor area [m²].
    power_density : pint.Quantity
        Installed lighting power per floor area [W/m²].

    Returns
    -------
    pint.Quantity
        Lighting power [W].

    Notes
    -----
    :math:`P = A\\,q_{light}`.  There is no published lighting density for GPU
    halls in coolsim's sources; :class:`Lighting` uses 10 W/m² as an
    assumption, of the order of the ASHRAE 90.1 space-by-space allowance for
    computer rooms (roughly 1-1.7 W/ft², 11-18 W/m²).

    References
    ----------
    .. [1] ANSI/ASHRAE/IES Standard 90.1, Energy Standard for Buildings Except
       Low-Rise Residential Buildings, lighting power densities by space type.

    Examples
    --------
    >>> from coolsim import Q_
    >>> lighting_power(Q_(1000, "m**2"), Q_(10, "W/m**2")).to("kW")
    <Quantity(10.0, 'kilowatt')>
    """
    return floor_area * power_density


# ---------------------------------------------------------------------------
# Configuration dataclasses
# ---------------------------------------------------------------------------
def _si(obj, name, spec):
    value = to_si(getattr(obj, name), spec, name)
    obj._si[name] = value
    return value


@dataclass(frozen=True)
class UPS:
    """A UPS stage: aggregate rating on line and three loss coefficients.

    ``rating`` is a power Quantity; the coefficients are per unit of rating
    (defaults: assumption, see :func:`ups_loss`).
    """

    rating: object
    no_load_loss: float = UPS_NO_LOAD
    proportional_loss: float = UPS_PROPORTIONAL
    square_loss: float = UPS_SQUARE
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        _si(self, "rating", POWER.positive())
        for name in ("no_load_loss", "proportional_loss", "square_loss"):
            _si(self, name, FRACTION)

    def loss_si(self, load):
        """UPS loss [W] for an output ``load`` [W] (SI core)."""
        s = self._si
        return ups_loss.si(load, s["rating"], s["no_load_loss"], s["proportional_loss"], s["square_loss"])


@dataclass(frozen=True)
class PDU:
    """A power-distribution stage (PDU transformers and cabling).

    Either a transformer model (``rating`` with ``no_load_loss`` and
    ``copper_loss``, see :func:`transformer_loss`) or, when ``efficiency`` is
    given, a fixed efficiency ``P_out / P_in`` at every load (then ``rating``
    is optional and only used for the overload check).
    """

    rating: object = None
    no_load_loss: float = PDU_NO_LOAD
    copper_loss: float = PDU_COPPER
    efficiency: float | None = None
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        if self.rating is None and self.efficiency is None:
            raise OutOfRangeError("PDU needs parameter 'rating' (transformer model) or 'efficiency' (fixed efficiency)")
        if self.rating is not None:
            _si(self, "rating", POWER.positive())
        _si(self, "no_load_loss", FRACTION)
        _si(self, "copper_loss", FRACTION)
        if self.efficiency is not None:
            _si(self, "efficiency", FRACTION.kind.spec(0.0, 1.0, lo_open=True))

    def loss_si(self, load):
        """PDU loss [W] for an output ``load`` [W] (SI core)."""
        s = self._si
        if self.efficiency is not None:
            if "rating" in s:
                _check_load(load / s["rating"], "it_power")
            return load * (1.0 / s["efficiency"] - 1.0)
        return transformer_loss.si(load, s["rating"], s["no_load_loss"], s["copper_loss"])


@dataclass(frozen=True)
class Lighting:
    """Lighting and other small facility loads outside the UPS.

    ``power_density`` × ``floor_area`` plus a ``fixed`` power (offices,
    security, BMS).  Defaults: 10 W/m² (assumption, see
    :func:`lighting_power`), no area, no fixed load.
    """

    floor_area: object = None
    power_density: object = None
    fixed: object = None
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        self._si["floor_area"] = 0.0 if self.floor_area is None else _si(self, "floor_area", AREA.nonnegative())
        density = Q_(10.0, "W/m**2") if self.power_density is None else self.power_density
        self._si["power_density"] = to_si(density, HEAT_FLUX.nonnegative(), "power_density")
        self._si["fixed"] = 0.0 if self.fixed is None else _si(self, "fixed", POWER.nonnegative())

    def power_si(self):
        """Lighting plus fixed power [W] (SI core)."""
        s = self._si
        return s["floor_area"] * s["power_density"] + s["fixed"]


@dataclass(frozen=True)
class ElectricalLosses:
    """Electrical overhead at one or more operating points (Quantities in W)."""

    ups_loss: object
    pdu_loss: object
    lighting: object
    total: object
    ups_load: object


@dataclass(frozen=True)
class ElectricalChain:
    """UPS → PDU → IT, plus lighting and other loads outside the UPS.

    Parameters
    ----------
    ups : UPS or None
        UPS stage; ``None`` for a facility without one.
    pdu : PDU or None
        Distribution stage between UPS and IT; ``None`` for none.
    lighting : Lighting or None
        Lighting and other non-UPS loads.
    ups_serves_mechanical : bool
        Whether the mechanical (cooling) load is also fed through the UPS
        (default ``False``: only IT is on the UPS).  When ``True`` the
        mechanical power adds to the UPS load but not to the PDU load.

    Notes
    -----
    Power flow: the PDU delivers the IT power, so ``PDU input = IT + PDU loss``;
    the UPS delivers ``PDU input`` (plus the mechanical power when
    ``ups_serves_mechanical``).  All these losses are facility overhead in the
    PUE boundary of The Green Grid WP #49 and ISO/IEC 30134-2.
    """

    ups: UPS | None = None
    pdu: PDU | None = None
    lighting: Lighting | None = None
    ups_serves_mechanical: bool = False

    def losses_si(self, it_power, mechanical_power=0.0):
        """SI core of :meth:`losses`: returns ``(ups_loss, pdu_loss, lighting, total, ups_load)`` in W."""
        it_power = POWER.nonnegative().check(it_power, "it_power")
        mechanical_power = POWER.nonnegative().check(mechanical_power, "mechanical_power")
        zero = np.zeros_like(np.asarray(it_power, dtype=float)) + 0.0 * mechanical_power
        pdu = zero + (self.pdu.loss_si(it_power) if self.pdu is not None else 0.0)
        ups_load = it_power + pdu + (mechanical_power if self.ups_serves_mechanical else 0.0)
        if self.ups is not None:
            x = ups_load / self.ups._si["rating"]
            _check_load(x, "it_power" if not self.ups_serves_mechanical else "it_power + mechanical_power")
            ups = zero + self.ups.loss_si(ups_load)
        else:
            ups = zero
        light = zero + (self.lighting.power_si() if self.lighting is not None else 0.0)
        total = ups + pdu + light
        conv = (lambda a: float(a)) if np.ndim(total) == 0 else (lambda a: a)
        return conv(ups), conv(pdu), conv(light), conv(total), conv(zero + ups_load)

    def losses(self, it_power, mechanical_power=None):
        """Electrical overhead for an IT power (scalar or array).

        Parameters
        ----------
        it_power : pint.Quantity
            Power drawn by the IT equipment, server fans included [W].
        mechanical_power : pint.Quantity, optional
            Cooling power; only matters when ``ups_serves_mechanical`` [W].

        Returns
        -------
        ElectricalLosses
            UPS loss, PDU loss, lighting, their total and the UPS load [W].

        Raises
        ------
        InfeasibleError
            If the UPS or PDU load exceeds its rating (names ``it_power``).

        Notes
        -----
        :math:`P_{PDU,in} = P_{IT} + L_{PDU}(P_{IT})`;
        :math:`P_{UPS,out} = P_{PDU,in} (+ P_{mech})`;
        total overhead :math:`L_{UPS} + L_{PDU} + P_{light}` (facility side
        of the PUE boundary).

        References
        ----------
        .. [1] N. Rasmussen, "Electrical Efficiency Modeling for Data Centers",
           APC by Schneider Electric White Paper 113, rev. 2 (2011).

        Examples
        --------
        >>> from coolsim import Q_
        >>> chain = ElectricalChain(ups=UPS(Q_(2, "MW")), pdu=PDU(efficiency=0.98))
        >>> round(float(chain.losses(Q_(1, "MW")).total.to("kW").m), 2)
        71.23
        """
        mech = 0.0 if mechanical_power is None else to_si(mechanical_power, POWER.nonnegative(), "mechanical_power")
        it = to_si(it_power, POWER.nonnegative(), "it_power")
        return ElectricalLosses(*(POWER.quantity(v) for v in self.losses_si(it, mech)))
