"""Repair workflows per cooling architecture: stages with durations and
crews, fluid lost per service (quick-disconnect spill, immersion drag-out,
two-phase vapour lost per lid opening) and its cost.

A workflow is a :class:`RepairWorkflow` of :class:`Stage` s. Named defaults:
:data:`AIR_HOT_SWAP`, :data:`COLD_PLATE_QD`, :data:`IMMERSION_SINGLE_PHASE`,
:data:`IMMERSION_TWO_PHASE`; the factories (:func:`immersion_single_phase`
…) build variants, e.g. another drain time. Every stage duration of the
defaults is an **assumption** except the immersion drain/drip hour, which is
the founding article's figure (no published drain time was found). Money is
a plain float in USD (coolsim has no currency unit yet).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import OutOfRangeError
from ..units import DENSITY, FRACTION, TIME, VOLUME, DIMENSIONLESS, Q_, quantity_io, to_si
from .failures import _field, _int, _int_field

__all__ = [
    "Stage",
    "RepairWorkflow",
    "qd_spill_volume",
    "lid_opening_vapour_loss",
    "fluid_cost_usd",
    "air_hot_swap",
    "cold_plate_qd",
    "immersion_single_phase",
    "immersion_two_phase",
    "AIR_HOT_SWAP",
    "COLD_PLATE_QD",
    "IMMERSION_SINGLE_PHASE",
    "IMMERSION_TWO_PHASE",
    "DRIPLESS_QD_SPILL",
    "ORDINARY_QD_SPILL",
]

#: Spill per disconnect of a dripless quick disconnect, 0.01–0.03 mL (VENDOR
#: claim, domain primer); the mid value 0.02 mL.
DRIPLESS_QD_SPILL = Q_(0.02, "mL")
#: Spill per disconnect of an ordinary coupling, 1–3 mL (VENDOR, domain primer); mid value.
ORDINARY_QD_SPILL = Q_(2.0, "mL")


@quantity_io(returns=VOLUME, disconnects=DIMENSIONLESS.nonnegative(), spill_per_disconnect=VOLUME.nonnegative())
def qd_spill_volume(disconnects, spill_per_disconnect):
    """Coolant spilled by quick disconnects during one service.

    Parameters
    ----------
    disconnects : float or array_like
        Couplings broken per service [-].
    spill_per_disconnect : pint.Quantity
        Spill per break: 0.01–0.03 mL dripless, 1–3 mL ordinary (VENDOR) [m³].

    Returns
    -------
    pint.Quantity
        :math:`V = n\\,v_d` [m³].

    Notes
    -----
    Linear in the number of breaks; valid for clean breaks of undamaged couplings.

    References
    ----------
    .. [1] Vendor figures for dripless couplings as gathered in the project
       domain primer ("Reliability and service", founding-article table).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(qd_spill_volume(2, Q_(0.02, "mL")).m_as("mL")), 3)
    0.04
    """
    return disconnects * spill_per_disconnect


@quantity_io(
    returns=VOLUME,
    headspace_volume=VOLUME.nonnegative(),
    vapour_density=DENSITY.positive(),
    liquid_density=DENSITY.positive(),
    fraction_lost=FRACTION,
)
def lid_opening_vapour_loss(headspace_volume, vapour_density, liquid_density, fraction_lost):
    """Liquid-equivalent fluid lost when a two-phase tank lid is opened once.

    Parameters
    ----------
    headspace_volume : pint.Quantity
        Gas volume above the liquid that is exposed when the lid opens [m³].
    vapour_density : pint.Quantity
        Saturated vapour density of the fluid at the headspace state [kg/m³].
    liquid_density : pint.Quantity
        Liquid density, to express the loss as a liquid volume [kg/m³].
    fraction_lost : float
        Share of a saturated headspace's vapour that escapes per opening,
        combining the vapour fraction left after condensing and the share of
        the headspace exchanged with room air, in [0, 1] [-].

    Returns
    -------
    pint.Quantity
        :math:`V_l = f\\,V_h\\,\\rho_v/\\rho_l` [m³].

    Notes
    -----
    A mixing estimate with one lumped parameter; it gives the order of
    magnitude, not a measured loss (none was found). Vapour that escapes
    while the lid is open beyond one headspace exchange is not counted.

    References
    ----------
    .. [1] 3M, Novec 649 Engineered Fluid product information (liquid
       density); vapour density from CoolProp's Novec649 equation of state
       (see tests/data/sources/convection.md, B5 inputs).

    Examples
    --------
    >>> from coolsim import Q_
    >>> v = lid_opening_vapour_loss(Q_(0.2, "m**3"), Q_(12.8, "kg/m**3"), Q_(1600, "kg/m**3"), 0.5)
    >>> round(float(v.m_as("L")), 3)
    0.8
    """
    return fraction_lost * headspace_volume * vapour_density / liquid_density


@quantity_io(volume=VOLUME.nonnegative(), price_usd_per_litre=DIMENSIONLESS.nonnegative())
def fluid_cost_usd(volume, price_usd_per_litre):
    """Cost of fluid lost, in USD (plain float).

    Parameters
    ----------
    volume : pint.Quantity
        Fluid volume lost [m³].
    price_usd_per_litre : float
        Fluid price [USD/L].

    Returns
    -------
    float or ndarray
        Cost [USD].

    Notes
    -----
    :math:`C = 1000\\,V\\,p` with :math:`V` in m³.

    References
    ----------
    .. [1] Mineral oil ~2–5 USD/L (weak source, project domain primer, "Economics").

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(fluid_cost_usd(Q_(0.5, "L"), 3.5)), 2)
    1.75
    """
    return 1000.0 * volume * price_usd_per_litre


@dataclass(frozen=True)
class Stage:
    """One step of a repair.

    Parameters
    ----------
    name : str
        Label ("detection", "drain/drip" …).
    duration : pint.Quantity
        Duration, > 0 [s].
    attended : bool
        True if a crew works through the stage; False for waits that hold the
        server down but free the crew (drain, burn-in, automated detection).
    technicians : int
        People needed while attended, >= 1 [-].
    """

    name: str
    duration: object
    attended: bool = True
    technicians: int = 1

    def __post_init__(self):
        _field(self, "duration", TIME.nonnegative())  # a zero-length stage (no drain) is allowed
        _int_field(self, "technicians", 1)


@dataclass(frozen=True)
class RepairWorkflow:
    """A repair as a sequence of stages, with the fluid lost per service.

    Parameters
    ----------
    name : str
        Label.
    stages : tuple of Stage
        Stages in order; the server is down for their total.
    fluid_loss : pint.Quantity
        Fluid lost per service (spill, drag-out, vapour) [m³].
    fluid_price_usd_per_litre : float
        Price of that fluid [USD/L].

    Examples
    --------
    >>> w = IMMERSION_SINGLE_PHASE
    >>> round(float(w.duration().m_as("hour")), 2), round(float(w.crew_time().m_as("hour")), 2)
    (4.25, 2.0)
    >>> round(float(w.with_stage_duration("drain/drip", Q_(2, "hour")).duration().m_as("hour")), 2)
    5.25
    """

    name: str
    stages: tuple
    fluid_loss: object = None
    fluid_price_usd_per_litre: float = 0.0

    def __post_init__(self):
        stages = tuple(self.stages)
        if not stages or not all(isinstance(s, Stage) for s in stages):
            raise OutOfRangeError(f"parameter 'stages' must be a non-empty tuple of Stage; got {self.stages!r}")
        object.__setattr__(self, "stages", stages)
        if self.fluid_loss is None:
            object.__setattr__(self, "fluid_loss", Q_(0.0, "m**3"))
        _field(self, "fluid_loss", VOLUME.nonnegative())
        _field(self, "fluid_price_usd_per_litre", DIMENSIONLESS.nonnegative())

    # SI accessors for cores --------------------------------------------------
    @property
    def duration_si(self) -> float:
        """Total down time of one repair [s]."""
        return float(sum(s._s.duration for s in self.stages))

    @property
    def crew_time_si(self) -> float:
        """Time a crew is busy on one repair (attended stages) [s]."""
        return float(sum(s._s.duration for s in self.stages if s.attended))

    # unit-aware ----------------------------------------------------------------
    def duration(self):
        """Total down time of one repair (MTTR without waits) [s]."""
        return Q_(self.duration_si, "s")

    def crew_time(self):
        """Crew-busy time of one repair [s]."""
        return Q_(self.crew_time_si, "s")

    def labour(self):
        """Technician-time of one repair, :math:`\\sum` attended duration × technicians [s]."""
        return Q_(float(sum(s._s.duration * s.technicians for s in self.stages if s.attended)), "s")

    @property
    def fluid_loss_si(self) -> float:
        """Fluid lost per repair [m³] (SI value of :attr:`fluid_loss`)."""
        return self._s.fluid_loss

    def fluid_cost_usd(self) -> float:
        """Fluid cost per service [USD]."""
        return float(fluid_cost_usd.si(self._s.fluid_loss, self._s.fluid_price_usd_per_litre))

    def stage(self, name: str) -> Stage:
        """The stage called ``name``."""
        for s in self.stages:
            if s.name == name:
                return s
        names = ", ".join(s.name for s in self.stages)
        raise OutOfRangeError(f"parameter 'name' must be one of the stages ({names}); got {name!r}")

    def with_stage_duration(self, name: str, duration) -> "RepairWorkflow":
        """A copy with the stage ``name`` lasting ``duration`` [s]."""
        self.stage(name)
        d = to_si(duration, TIME.positive(), "duration")
        stages = tuple(replace(s, duration=Q_(float(d), "s")) if s.name == name else s for s in self.stages)
        return replace(self, stages=stages)


def _h(x):
    return Q_(x, "hour")


def air_hot_swap() -> RepairWorkflow:
    """Forced-air server: detect, slide out, swap the part, burn in (durations: assumptions)."""
    return RepairWorkflow(
        "air hot swap",
        (
            Stage("detection", _h(0.25), attended=False),
            Stage("access", _h(0.25)),
            Stage("swap", _h(0.5)),
            Stage("burn-in", _h(1.0), attended=False),
        ),
    )


def cold_plate_qd(disconnects=2, spill_per_disconnect=DRIPLESS_QD_SPILL, coolant_price_usd_per_litre=5.0) -> RepairWorkflow:
    """Direct-to-chip server on quick disconnects (durations: assumptions).

    Parameters
    ----------
    disconnects : int
        Couplings broken per service (supply and return: 2, assumption) [-].
    spill_per_disconnect : pint.Quantity
        Default dripless 0.02 mL (VENDOR) [m³].
    coolant_price_usd_per_litre : float
        PG25 price, 5 USD/L (assumption) [USD/L].
    """
    return RepairWorkflow(
        "cold plate, quick disconnects",
        (
            Stage("detection", _h(0.25), attended=False),
            Stage("access", _h(0.25)),
            Stage("disconnect", _h(0.1)),
            Stage("swap", _h(0.75)),
            Stage("reconnect and leak check", _h(0.25)),
            Stage("burn-in", _h(1.0), attended=False),
        ),
        fluid_loss=qd_spill_volume(disconnects, spill_per_disconnect),
        fluid_price_usd_per_litre=coolant_price_usd_per_litre,
    )


def immersion_single_phase(drain_time=Q_(1.0, "hour"), drag_out=Q_(0.5, "L"), fluid_price_usd_per_litre=3.5) -> RepairWorkflow:
    """Single-phase immersion: lift out, drain/drip, swap, re-immerse, burn in.

    Parameters
    ----------
    drain_time : pint.Quantity
        Drain/drip before service; default 1 h, the founding article's figure
        (assumption: no published drain time was found) [s].
    drag_out : pint.Quantity
        Fluid carried out on the server after dripping, 0.5 L (assumption) [m³].
    fluid_price_usd_per_litre : float
        Mineral oil / PAO, 3.5 USD/L (mid of 2–5 USD/L, weak source) [USD/L].
    """
    return RepairWorkflow(
        "single-phase immersion",
        (
            Stage("detection", _h(0.25), attended=False),
            Stage("access", _h(0.5), technicians=2),
            Stage("drain/drip", drain_time, attended=False),
            Stage("swap", _h(1.0)),
            Stage("re-immersion", _h(0.5), technicians=2),
            Stage("burn-in", _h(1.0), attended=False),
        ),
        fluid_loss=drag_out,
        fluid_price_usd_per_litre=fluid_price_usd_per_litre,
    )


#: Two-phase lid opening default: 0.2 m³ headspace, Novec 649 vapour 12.8 kg/m³
#: and liquid 1600 kg/m³, half the saturated vapour lost (assumption) → 0.8 L.
_TWO_PHASE_VAPOUR_LOSS = lid_opening_vapour_loss(Q_(0.2, "m**3"), Q_(12.8, "kg/m**3"), Q_(1600, "kg/m**3"), 0.5)


def immersion_two_phase(lid_openings=1, vapour_loss_per_opening=_TWO_PHASE_VAPOUR_LOSS, fluid_price_usd_per_litre=80.0) -> RepairWorkflow:
    """Two-phase immersion: cool down, open the lid, lift, swap, re-immerse.

    Parameters
    ----------
    lid_openings : int
        Lid openings per service [-].
    vapour_loss_per_opening : pint.Quantity
        Liquid-equivalent loss per opening; default 0.8 L from
        :func:`lid_opening_vapour_loss` with assumed inputs [m³].
    fluid_price_usd_per_litre : float
        Fluorinated fluid, 80 USD/L (assumption) [USD/L].
    """
    lid_openings = _int(lid_openings, "lid_openings", 0)
    loss = to_si(vapour_loss_per_opening, VOLUME.nonnegative(), "vapour_loss_per_opening") * lid_openings
    return RepairWorkflow(
        "two-phase immersion",
        (
            Stage("detection", _h(0.25), attended=False),
            Stage("vapour condense-down", _h(0.5), attended=False),
            Stage("lid opening and lift", _h(0.25), technicians=2),
            Stage("drip/evaporate", _h(0.1), attended=False),
            Stage("swap", _h(0.75)),
            Stage("re-immersion and lid close", _h(0.25), technicians=2),
            Stage("burn-in", _h(1.0), attended=False),
        ),
        fluid_loss=Q_(float(loss), "m**3"),
        fluid_price_usd_per_litre=fluid_price_usd_per_litre,
    )


AIR_HOT_SWAP = air_hot_swap()
COLD_PLATE_QD = cold_plate_qd()
IMMERSION_SINGLE_PHASE = immersion_single_phase()
IMMERSION_TWO_PHASE = immersion_two_phase()
