"""Forced-air capture: every watt of IT heat leaves by room air.

:class:`ForcedAir` implements the chain's capture contract (``capture_si``,
kind ``"forced_air"``) on top of the room air path of
:mod:`coolsim.capture.air_side` (containment, CRAH / fan-wall units, chilled
water) and the ASHRAE classes of :mod:`coolsim.capture.air_classes`, whose
public names are re-exported here.

Model, in order (no iteration is needed because, with server fans holding a
fixed air temperature rise, the IT inlet temperature does not depend on the
heat):

1. IT inlet :math:`T_{in} = T_s + \\frac{r}{1-r}\\Delta T_{it}`.
2. Server power :math:`P(u)` (fans at reference), compute power
   :math:`P(u) - P_{fan,ref}`, server fans at :math:`T_{in}` and the air-side
   share :math:`P(u)/P_{max}` (``ServerSpec.fan_power_si``).
3. IT power = (compute + fans) × servers = heat to air.
4. IT airflow :math:`V_{it} = Q/(\\rho c_p \\Delta T_{it})` at the supply-air state.
5. :meth:`AirSide.evaluate_si` with the units sized at full load.
6. GPU case temperature :math:`T_{case} = T_{in} + R_{ca}\\,(V/V_{ref})^{-0.8} P_{gpu}`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import OutOfRangeError
from ..feasibility import Feasibility
from ..it_equipment import FAN_MIN_FLOW, ITLoad, fan_power_vs_inlet
from ..units import (DIMENSIONLESS, FRACTION, TEMPERATURE, TEMPERATURE_DIFFERENCE, THERMAL_RESISTANCE, Q_, to_si)
from .air_classes import AIR_CLASSES, AirClass, air_class, class_compliance, rack_cooling_index
from .air_side import (AirSide, AirSideResult, CoolingUnit, containment_air_path, return_temperature_index,
                       supply_heat_index)
from .base import CaptureResult

__all__ = [
    "ForcedAir", "AirSide", "AirSideResult", "CoolingUnit", "AirClass", "AIR_CLASSES", "air_class",
    "class_compliance", "rack_cooling_index", "containment_air_path", "return_temperature_index",
    "supply_heat_index",
]

#: Default server air temperature rise: 20 °F = 11.1 K (assumption; no DGX H100 airflow figure was found).
DEFAULT_IT_DELTA_T = Q_(20.0, "delta_degF")
#: GPU case-to-inlet-air resistance at full-load airflow: (82 - 25) K / 700 W (assumption, see ForcedAir).
DEFAULT_GPU_RESISTANCE = Q_((82.0 - 25.0) / 700.0, "K/W")


def _f(x):
    return float(x) if np.ndim(x) == 0 else x


@dataclass(frozen=True)
class ForcedAir:
    """Forced-air cooling of a hall: server fans, containment, CRAH / fan-wall units.

    Parameters
    ----------
    air_side : AirSide
        Room air path (default :class:`AirSide`: 24 °C supply, b = 0.05,
        r = 0.02, 20,000-cfm CRAHs N+1, class A1).
    it_delta_t : pint.Quantity
        Air temperature rise across the servers, held by their fans at every
        load [K]; default 20 °F = 11.1 K (assumption: the usual design rise;
        a published DGX H100 airflow figure was not found).
    gpu_resistance : pint.Quantity
        GPU case-to-inlet-air thermal resistance at the server's full-load
        airflow (heat sink plus preheating inside the chassis) [K/W]; default
        0.0814 K/W (assumption, calibrated so a 700 W H100 at 25 °C inlet sits
        at 82 °C, inside the ~80-85 °C commonly reported for air-cooled H100s,
        2ND/blog grade).
    heat_sink_flow_exponent : float
        Exponent *m* in :math:`R \\propto V^{-m}` [-]; default 0.8 (assumption:
        turbulent fin-channel convection).
    device_temperature_limit : pint.Quantity
        GPU temperature above which the result is infeasible [K]; default 85 °C,
        the ``junction_limit`` of the liquid architectures, so that all four
        are judged against one limit (assumption: NVIDIA publishes no H100 SXM
        junction limit; secondary sources quote slowdown thresholds of
        84–95 °C).  The estimated temperature is calibrated to the GPU sensor
        readings reported for air-cooled H100s, i.e. it plays the junction's
        role here.

    Examples
    --------
    >>> from coolsim.it_equipment import ITLoad
    >>> from coolsim.site import design_site
    >>> res = ForcedAir().capture_si(ITLoad("dgx-h100", racks=500), 1.0, design_site("sterling-va").si)
    >>> round(res.it_power / 1e6, 1), round(res.cooling_airflow * 2118.88 / 1e6, 2)
    (20.4, 3.38)
    >>> round(res.max_device_temperature - 273.15, 1)
    81.2
    """

    air_side: AirSide = field(default_factory=AirSide)
    it_delta_t: object = field(default_factory=lambda: DEFAULT_IT_DELTA_T)
    gpu_resistance: object = field(default_factory=lambda: DEFAULT_GPU_RESISTANCE)
    heat_sink_flow_exponent: float = 0.8
    device_temperature_limit: object = field(default_factory=lambda: Q_(85.0, "degC"))
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    kind = "forced_air"

    def __post_init__(self):
        if not isinstance(self.air_side, AirSide):
            raise OutOfRangeError(f"parameter 'air_side' must be an AirSide; got {type(self.air_side).__name__}")
        s = self._si
        for name, spec in (("it_delta_t", TEMPERATURE_DIFFERENCE.between(1.0, 40.0)),
                           ("gpu_resistance", THERMAL_RESISTANCE.nonnegative()),
                           ("heat_sink_flow_exponent", DIMENSIONLESS.between(0.0, 1.0)),
                           ("device_temperature_limit", TEMPERATURE.between(273.15, 423.15))):
            v = to_si(getattr(self, name), spec, name)
            if np.ndim(v) != 0:
                raise OutOfRangeError(f"parameter '{name}' of ForcedAir must be a scalar; got shape {np.shape(v)}")
            s[name] = float(v)

    @property
    def si(self) -> dict:
        """Scalar SI parameters."""
        return self._si

    def _server_fans(self, server, t_in, share):
        """Server fan power [W]; outside the server's inlet range the same model is extrapolated (and flagged)."""
        s = server._si
        if s["inlet_min"] <= t_in <= s["inlet_max"]:
            return server.fan_power_si(t_in, share), True
        p = fan_power_vs_inlet.si(t_in, s["fan_power_ref"], s["fan_knee_temperature"], s["fan_speed_slope"])
        ref = max(s["native_air_share"], FAN_MIN_FLOW)
        return p * (np.maximum(share, FAN_MIN_FLOW) / ref) ** 3, False

    def capture_si(self, it_load, utilisation, site) -> CaptureResult:
        """Capture result for an IT load at a utilisation and a site (SI in, SI out).

        Parameters
        ----------
        it_load : coolsim.it_equipment.ITLoad
            Servers in racks.
        utilisation : float or numpy.ndarray
            Utilisation in [0, 1] [-].
        site : coolsim.site.SiteSI
            Outdoor conditions (only the pressure matters indoors).

        Returns
        -------
        CaptureResult
            ``heat_to_liquid`` = 0, ``coolant_flow`` None, ``pump_power`` 0, one
            chilled-water stream; ``max_device_temperature`` is the estimated
            GPU case temperature.
        """
        if not isinstance(it_load, ITLoad):
            raise OutOfRangeError(f"parameter 'it_load' must be an ITLoad; got {type(it_load).__name__}")
        srv, n, fs = it_load.server, it_load.server_count, self._si
        s = srv._si
        if s["native_air_share"] < 1.0:
            raise OutOfRangeError(
                f"parameter 'it_load': server '{srv.name}' is liquid-cooled by design (native_air_share "
                f"{s['native_air_share']:g}); forced air needs an air-cooled server (native_air_share 1)")
        rho, cp = self.air_side.air_properties_si(site)
        dt = fs["it_delta_t"]
        t_in = float(self.air_side.inlet_temperature_si(dt))
        p = srv.power_si(utilisation)
        share = p / s["max_power"]
        compute = p - s["fan_power_ref"]
        fans, in_range = self._server_fans(srv, t_in, share)
        fans_full, _ = self._server_fans(srv, t_in, 1.0)
        it_power = (compute + fans) * n
        heat = it_power
        v_it = heat / (rho * cp * dt)
        heat_design = (s["max_power"] - s["fan_power_ref"] + fans_full) * n
        res = self.air_side.evaluate_si(heat, v_it, site, design_heat_to_air=heat_design,
                                        design_it_airflow=heat_design / (rho * cp * dt), air_properties=(rho, cp))
        # GPU case temperature: lumped resistance scaled with the server airflow (fan power ∝ flow³)
        flow_ratio = (fans / s["fan_power_ref"]) ** (1.0 / 3.0) if s["fan_power_ref"] > 0.0 else np.ones_like(p)
        r_ca = fs["gpu_resistance"] * np.asarray(flow_ratio) ** (-fs["heat_sink_flow_exponent"])
        p_gpu = s["gpu_tdp"] * share
        t_case = t_in + r_ca * p_gpu
        feas = (res.feasibility
                & Feasibility.check(np.broadcast_to(in_range, np.shape(t_case)),
                                    f"IT inlet outside the allowed inlet range of '{srv.name}' (fan power extrapolated)")
                & Feasibility.check(np.asarray(t_case) <= fs["device_temperature_limit"], "GPU above its temperature limit"))
        details = dict(res.details)
        details.update({
            "it_delta_t": (dt, "K"), "exhaust_temperature": (res.exhaust_temperature, "K"),
            "return_temperature": (res.return_temperature, "K"), "gpu_case_temperature": (_f(t_case), "K"),
            "gpu_resistance": (_f(r_ca), "K/W"), "hall_sound_power_level": (res.sound_power_level, "dB"),
        })
        return CaptureResult(
            kind=self.kind, it_power=_f(it_power), server_fan_power=_f(fans * n), compute_power=_f(compute * n),
            heat_to_air=_f(heat), heat_to_liquid=0.0, it_airflow=res.it_airflow, cooling_airflow=res.cooling_airflow,
            air_mover_power=res.fan_power, coolant_flow=None, pump_power=0.0, max_device_temperature=_f(t_case),
            it_inlet_temperature=res.inlet_temperature, sound_power_level=res.sound_power_level,
            streams=(res.stream,), feasibility=feas, details=details)

    def capture(self, it_load, utilisation=1.0, site=None) -> CaptureResult:
        """Convenience wrapper of :meth:`capture_si` taking a :class:`~coolsim.site.Site`.

        Parameters
        ----------
        it_load : coolsim.it_equipment.ITLoad
            Servers in racks.
        utilisation : float or array_like
            Utilisation in [0, 1] [-]; default 1.
        site : coolsim.site.Site, optional
            Default ``design_site("sterling-va")``.

        Returns
        -------
        CaptureResult
            In SI (W, K, m³/s), like :meth:`capture_si`.

        Examples
        --------
        >>> from coolsim.it_equipment import ITLoad
        >>> r = ForcedAir().capture(ITLoad("dgx-h100", racks=1))
        >>> round(r.it_airflow * 2118.88)
        6562
        """
        from ..site import design_site

        site = design_site("sterling-va") if site is None else site
        u = to_si(utilisation, FRACTION, "utilisation")
        return self.capture_si(it_load, u, site.si)
