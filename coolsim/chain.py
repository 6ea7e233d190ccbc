"""The cooling chain: IT load → capture → heat rejection → electrical → metrics.

:class:`CoolingChain` composes one capture component (forced air,
direct-to-chip, single- or two-phase immersion), a
:class:`~coolsim.plant.HeatRejection` and an
:class:`~coolsim.electrical.ElectricalChain`.  ``run(it_load, site)``
evaluates them in that order on SI arrays and returns an immutable
:class:`ChainResult`.  To compare architectures, build one chain per
architecture and run each on the same IT load and site; to change a model,
pass another component.

Every step broadcasts: component parameters given as arrays (supply
temperatures, liquid shares), a utilisation array and a site with hourly
arrays combine by numpy broadcasting, so a design point and a 10⁶-point sweep
run the same code.

Power bookkeeping (see ``docs/architecture.md``):

* IT power = compute + server fans (server fans are IT power);
* facility power = IT + air movers + technology pumps + heat-rejection plant
  (chillers, tower/dry-cooler fans, plant pumps) + electrical losses (UPS,
  PDU/transformers) + lighting;
* PUE = facility / IT; ITUE = IT / compute; TUE = ITUE × PUE; WUE = site water
  / IT energy.

Energy conservation is checked on every run: the heat handed to the plants
equals the IT power plus the fan and pump power dissipated indoors.  UPS and
transformer losses are assumed rejected by the electrical rooms' own
ventilation, outside the modelled water loops (an assumption, stated).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np

from .capture.base import CaptureResult
from .electrical import PDU, UPS, ElectricalChain, Lighting
from .errors import CoolsimError
from .feasibility import Feasibility
from .it_equipment import ITLoad
from .plant import HeatRejection, RejectionResult
from .site import Site, SiteSI, design_site
from .units import AREA, FRACTION, POWER, PRESSURE, TEMPERATURE, VOLUMETRIC_FLOW, WATER_PER_ENERGY, to_si

__all__ = ["CoolingChain", "ChainResult", "default_electrical", "WATER_USE_EFFECTIVENESS"]

#: WUE in SI: site water per IT energy [m³/J]; read it with ``.to("L/kWh")``.
WATER_USE_EFFECTIVENESS = WATER_PER_ENERGY

UPS_DESIGN_LOADING = 0.8
"""IT load at the design point as a share of UPS (and PDU) rating (assumption:
UPS are usually selected to run at or below 80 % of rating)."""

WHITE_SPACE_PER_RACK = 3.0
"""Floor area per rack including aisles and clearances [m²] (assumption; 2.5–3.5 m² is typical)."""


def default_electrical(it_load: ITLoad) -> ElectricalChain:
    """UPS and PDU sized so the hall's maximum IT power is 80 % of their rating,
    and 10 W/m² of lighting over 3 m² per rack (assumptions, see the module constants).

    Parameters
    ----------
    it_load : ITLoad
        The hall: server type, server count and racks.
    """
    return _default_electrical(float(it_load.server._si["max_power"] * it_load.server_count), int(it_load.racks))


@functools.lru_cache(maxsize=64)
def _default_electrical(max_it_power: float, racks: int) -> ElectricalChain:
    # Cached: the chain is immutable and depends only on the hall's size (a chain
    # run would otherwise rebuild and re-validate it on every call).
    rating = POWER.quantity(max_it_power / UPS_DESIGN_LOADING)
    area = AREA.quantity(WHITE_SPACE_PER_RACK * racks)
    return ElectricalChain(ups=UPS(rating), pdu=PDU(rating), lighting=Lighting(floor_area=area))


@dataclass(frozen=True)
class ChainResult:
    """Everything a chain run produced (immutable).

    SI arrays live in ``capture``, ``rejection`` and the fields below; the
    properties return Quantities.  ``summary()`` gives the headline figures
    as a dict of Quantities (and plain floats for the ratios).
    """

    name: str
    capture: CaptureResult
    rejection: RejectionResult
    ups_loss: np.ndarray | float
    pdu_loss: np.ndarray | float
    lighting_power: np.ndarray | float
    site: SiteSI
    feasibility: Feasibility
    energy_balance_residual: np.ndarray | float = field(repr=False)

    # ---- SI aggregates -------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.capture.kind

    def _pumps(self):
        return self.capture.pump_power + self.rejection.pump_power

    def _electrical(self):
        return self.ups_loss + self.pdu_loss + self.lighting_power

    def _heat_rejection(self):
        return self.rejection.chiller_power + self.rejection.sink_fan_power

    @property
    def facility_power_si(self):
        """Total facility power as an SI float or array [W] (see :attr:`facility_power`)."""
        c = self.capture
        return c.it_power + c.air_mover_power + self._pumps() + self._heat_rejection() + self._electrical()

    # ---- public Quantities -----------------------------------------------------
    @property
    def it_power(self):
        """Power into the IT equipment, server fans included [W]."""
        return POWER.quantity(self.capture.it_power)

    @property
    def facility_power(self):
        """Total facility power: IT plus every overhead [W]."""
        return POWER.quantity(self.facility_power_si)

    @property
    def pue(self):
        """Power usage effectiveness, facility / IT [-]."""
        return self.facility_power_si / self.capture.it_power

    @property
    def itue(self):
        """IT-power usage effectiveness, IT / compute (server fans are the difference) [-]."""
        return self.capture.it_power / self.capture.compute_power

    @property
    def tue(self):
        """Total-power usage effectiveness, ITUE × PUE = facility / compute [-]."""
        return self.itue * self.pue

    @property
    def wue(self):
        """Water usage effectiveness at this operating point, site water / IT energy [m³/J]."""
        return WATER_USE_EFFECTIVENESS.quantity(self.rejection.water_use / self.capture.it_power)

    def summary(self) -> dict:
        """Headline figures: Quantities in SI (ratios as plain floats)."""
        c, r = self.capture, self.rejection
        p = POWER.quantity
        out = {
            "it_power": p(c.it_power),
            "facility_power": p(self.facility_power_si),
            "pue": self.pue,
            "tue": self.tue,
            "itue": self.itue,
            "wue": self.wue,
            "it_airflow": VOLUMETRIC_FLOW.quantity(c.it_airflow),
            "cooling_airflow": VOLUMETRIC_FLOW.quantity(c.cooling_airflow),
            "coolant_flow": None if c.coolant_flow is None else VOLUMETRIC_FLOW.quantity(c.coolant_flow),
            "coolant_pressure_drop": None if c.coolant_pressure_drop is None else PRESSURE.quantity(c.coolant_pressure_drop),
            "server_fan_power": p(c.server_fan_power),
            "air_mover_power": p(c.air_mover_power),
            "pump_power": p(self._pumps()),
            "chiller_power": p(r.chiller_power),
            "heat_rejection_power": p(self._heat_rejection()),
            "electrical_losses": p(self._electrical()),
            "water_use": VOLUMETRIC_FLOW.quantity(r.water_use),
            "max_device_temperature": TEMPERATURE.quantity(c.max_device_temperature),
        }
        return out


@dataclass(frozen=True)
class CoolingChain:
    """One cooling architecture, from capture to the utility meter.

    Parameters
    ----------
    capture : ForcedAir, DirectToChip, SinglePhaseImmersion or TwoPhaseImmersion
        Any object with ``capture_si(it_load, utilisation, site) -> CaptureResult``.
    rejection : HeatRejection
        Plants serving the capture's heat streams.
    electrical : ElectricalChain or None
        UPS, PDU and lighting; ``None`` builds :func:`default_electrical` for
        the hall being run.
    name : str
        Label for reports; defaults to the capture's kind.
    """

    capture: object
    rejection: HeatRejection
    electrical: ElectricalChain | None = None
    name: str = ""

    def __post_init__(self):
        if not callable(getattr(self.capture, "capture_si", None)):
            raise TypeError(f"CoolingChain.capture must be a capture component; got {type(self.capture).__name__}")
        if not isinstance(self.rejection, HeatRejection):
            raise TypeError(f"CoolingChain.rejection must be a HeatRejection; got {type(self.rejection).__name__}")

    def run(self, it_load: ITLoad, site: Site, utilisation=1.0) -> ChainResult:
        """Evaluate the chain for a hall at a site.

        Parameters
        ----------
        it_load : ITLoad
            Servers, racks and their count.
        site : Site or str
            Outdoor conditions (scalars or arrays), or the name of a built-in
            climate, whose cooling design day is used (:func:`coolsim.site.design_site`).
        utilisation : float or array_like
            IT utilisation in [0, 1] [-]; default 1 (design point, maximum power).

        Returns
        -------
        ChainResult
        """
        if isinstance(site, str):
            site = design_site(site)
        if not isinstance(site, Site):
            raise TypeError(f"parameter 'site' must be a coolsim.site.Site or a built-in climate name; "
                            f"got {type(site).__name__}")
        u = to_si(utilisation, FRACTION, "utilisation")
        return self.run_si(it_load, site.si, u)

    def run_si(self, it_load: ITLoad, site: SiteSI, utilisation, design: "ChainResult | None" = None) -> ChainResult:
        """The unit-free core of :meth:`run` (for sweeps and annual loops).

        ``design``: a result of the same chain at its design point; its
        heat-rejection load sizes the towers and dry coolers (its arrays must
        broadcast against this run's, e.g. configurations × 1 against
        configurations × hours).
        """
        cap = self.capture.capture_si(it_load, utilisation, site)
        design_heats = None
        if design is not None:
            design_heats = [p.heat_rejected for p in design.rejection.plants]
        rej = self.rejection.serve_si(cap.streams, site, design_heats)
        electrical = self.electrical if self.electrical is not None else default_electrical(it_load)
        mech = cap.air_mover_power + cap.pump_power + rej.total_power
        ups, pdu, light, _total, _load = electrical.losses_si(cap.it_power, mech)
        streamed = sum((s.heat for s in cap.streams), 0.0)
        expected = cap.it_power + cap.air_mover_power + cap.pump_power
        residual = (streamed - expected) / np.maximum(expected, 1.0)
        if np.any(np.abs(residual) > 1e-9):
            raise CoolsimError(
                f"energy balance of {type(self.capture).__name__} does not close: heat to plants differs from "
                f"IT + indoor fans and pumps by up to {float(np.max(np.abs(residual))):.3g} (relative)"
            )
        feas = cap.feasibility & rej.feasibility
        return ChainResult(self.name or cap.kind, cap, rej, ups, pdu, light, site, feas, residual)
