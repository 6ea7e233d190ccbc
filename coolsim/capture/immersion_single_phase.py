"""Single-phase immersion: servers submerged in a pumped dielectric liquid (mineral oil).

The server fans are removed, so IT power equals compute power.  The IT heat
goes into the tank fluid (optionally a small labelled share to room air),
which a pump circulates through a fluid-to-facility-water heat exchanger.
See :class:`SinglePhaseImmersion` and ``docs/models/capture_immersion.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..coolants import MINERAL_OIL_PNF, Coolant, water
from ..convection import STANDARD_GRAVITY, nusselt_rectangular_h1
from ..errors import ConvergenceError, OutOfRangeError, ValidityRangeError
from ..feasibility import Feasibility
from ..heat_exchangers import COUNTERFLOW, ua_for_duty
from ..hydraulics import RE_LAMINAR_MAX, flow_velocity, minor_loss_pressure_drop, pipe_pressure_drop
from ..pumps import electrical_power
from ..units import (
    DIMENSIONLESS,
    DYNAMIC_VISCOSITY,
    LENGTH,
    AREA,
    PRESSURE,
    TEMPERATURE,
    TEMPERATURE_DIFFERENCE,
    THERMAL_RESISTANCE,
    VOLUME,
)
from .base import CaptureResult, Circuit, HeatStream
from .immersion_common import (
    broadcast,
    capture_at_site,
    convert_fields,
    full,
    gpu_power,
    it_powers_no_fans,
    quantity_field,
    result_shape,
    servers_per_tank_si,
    tank_count,
)

__all__ = ["SinglePhaseImmersion"]

#: Dry air near 25 °C, 1 atm, for the optional residual room-air load [kg/m³], [J/(kg·K)]
#: (ASHRAE Handbook—Fundamentals 2017, ch. 1; assumption: density at sea level).
_RHO_AIR, _CP_AIR = 1.18, 1006.0
#: Bar-Cohen & Rohsenow constants, symmetric isothermal vertical plates (Incropera Table 9.3).
_BCR_C1, _BCR_C2 = 576.0, 2.87
_NEWTON_MAX = 60

_EFF = DIMENSIONLESS.between(0.0, 1.0, lo_open=True)
_SPECS = dict(
    fluid_supply_temperature=TEMPERATURE.any(),
    fluid_delta_t=TEMPERATURE_DIFFERENCE.positive(),
    hx_approach=TEMPERATURE_DIFFERENCE.positive(),
    facility_delta_t=TEMPERATURE_DIFFERENCE.positive(),
    fluid_volume_per_tank=VOLUME.positive(),
    heat_sink_area=AREA.positive(),
    fin_gap=LENGTH.positive(),
    fin_length=LENGTH.positive(),
    heat_sink_flow_share=DIMENSIONLESS.between(0.0, 1.0, lo_open=True),
    case_to_sink_resistance=THERMAL_RESISTANCE.nonnegative(),
    junction_to_case_resistance=THERMAL_RESISTANCE.nonnegative(),
    junction_limit=TEMPERATURE.between(273.15, 423.15),
    internal_pressure_drop=PRESSURE.nonnegative(),
    internal_reference_viscosity=DYNAMIC_VISCOSITY.positive(),
    pipe_length=LENGTH.nonnegative(),
    pipe_diameter=LENGTH.positive(),
    pipe_minor_loss=DIMENSIONLESS.nonnegative(),
    pump_efficiency=_EFF,
    motor_efficiency=_EFF,
    drive_efficiency=_EFF,
    room_loss_fraction=DIMENSIONLESS.between(0.0, 1.0, hi_open=True),
    room_supply_air_temperature=TEMPERATURE.any(),
    room_air_delta_t=TEMPERATURE_DIFFERENCE.positive(),
    room_coil_approach=TEMPERATURE_DIFFERENCE.positive(),
    room_specific_fan_power=PRESSURE.nonnegative(),
)


def _natural_rise(power, el_per_k, k, gap, area):
    r"""Temperature rise [K] at which natural convection in the fin channels carries ``power``.

    Bar-Cohen & Rohsenow, :math:`Nu_S = [C_1/El^2 + C_2/El^{1/2}]^{-1/2}` with
    :math:`El = c\,\Delta T`, :math:`Nu_S = P S/(A k \Delta T)`.  Then
    :math:`(El\,Nu_S)^{-2} = C_1 z^8 + C_2 z^5` with :math:`z = El^{-1/2}` equals
    :math:`(A k/(c P S))^2`: a convex increasing polynomial in z, solved by Newton's
    method from an upper bound (monotone convergence, no overshoot).
    """
    r = (k * area / (power * el_per_k * gap)) ** 2
    z = np.minimum((r / _BCR_C1) ** 0.125, (r / _BCR_C2) ** 0.2)
    for _ in range(_NEWTON_MAX):
        z4 = z**4
        step = (_BCR_C1 * z4 * z4 + _BCR_C2 * z4 * z - r) / (8.0 * _BCR_C1 * z4 * z**3 + 5.0 * _BCR_C2 * z4)
        z = z - step
        if np.all(np.abs(step) <= 1e-14 * z):
            return 1.0 / (z * z * el_per_k)
    raise ConvergenceError(  # pragma: no cover - monotone Newton converges in < 10 steps
        f"natural-convection temperature rise did not converge in {_NEWTON_MAX} Newton steps"
    )


@dataclass(frozen=True)
class SinglePhaseImmersion:
    """Single-phase immersion tanks with a pumped fluid loop and a fluid-to-water exchanger.

    Parameters
    ----------
    fluid : Coolant, optional
        Tank fluid; default :data:`~coolsim.coolants.MINERAL_OIL_PNF` (white mineral
        oil, Paratherm NF data) [-].
    servers_per_tank : int, optional
        Servers per tank; default 4 (assumption: four 8U DGX-class servers in a
        42U-class tank, the density of the 4-per-rack SuperPOD layout) [-].
    fluid_supply_temperature : pint.Quantity, optional
        Fluid temperature entering the tank; default 40 °C (assumption, within the
        25–45 °C oil inlet range tested by Eiland et al. 2017) [K].
    fluid_delta_t : pint.Quantity, optional
        Fluid temperature rise through the tank from the IT heat at every operating
        point (variable-speed pumps hold it); default 10 K (assumption) [K].
    hx_approach : pint.Quantity, optional
        Fluid supply minus facility-water supply at the exchanger; default 5 K
        (assumption: top of the 3–5 K CDU range, oil films are poorer than water) [K].
    facility_delta_t : pint.Quantity, optional
        Facility-water temperature rise; default 10 K (assumption); must be below
        ``fluid_delta_t + hx_approach`` (counterflow) [K].
    fluid_volume_per_tank : pint.Quantity, optional
        Fluid charge of one tank; default 250 US gal = 946 L (a 42U tank in the
        Intel/GRC year-long test, 2ND; consistent with ~1,900 lb per filled 42U tank,
        VENDOR) [m³].
    heat_sink_area : pint.Quantity, optional
        Wetted fin area of one GPU heat sink, fin efficiency folded in; default
        0.5 m² (assumption) [m²].
    fin_gap : pint.Quantity, optional
        Gap between fins; default 2 mm (assumption) [m].
    fin_length : pint.Quantity, optional
        Fin length in the flow direction; default 120 mm (assumption) [m].
    heat_sink_flow_share : float, optional
        Share of a server's fluid flow that passes through its GPU heat sinks, in
        (0, 1]; default 0.5 (assumption) [-].
    case_to_sink_resistance : pint.Quantity, optional
        GPU case (lid) to heat-sink base resistance (thermal interface); default
        0.01 K/W (assumption) [K/W].
    junction_to_case_resistance : pint.Quantity, optional
        GPU junction-to-case resistance; default 0.015 K/W (assumption, the value
        :class:`~coolsim.capture.cold_plate.ColdPlate` uses, so that technologies
        compare on one basis) [K/W].
    junction_limit : pint.Quantity, optional
        Highest allowed GPU junction temperature; default 85 °C (assumption, as for
        direct-to-chip: slowdown thresholds of 84–95 °C are quoted by secondary
        sources) [K].
    internal_pressure_drop : pint.Quantity, optional
        Fluid-side pressure drop of tank internals and heat exchanger at the design
        flow (full utilisation) for a fluid of ``internal_reference_viscosity``;
        scaled as Δp ∝ μ·Q (laminar-dominated passages); default 50 kPa
        (assumption) [Pa].
    internal_reference_viscosity : pint.Quantity, optional
        Viscosity at which ``internal_pressure_drop`` applies; default 10 mPa·s
        (assumption: a light mineral oil near 50 °C) [Pa·s].
    pipe_length : pint.Quantity, optional
        Supply plus return pipe length per tank; default 30 m (assumption) [m].
    pipe_diameter : pint.Quantity, optional
        Inner pipe diameter; default 50 mm (assumption) [m].
    pipe_minor_loss : float, optional
        Sum of fitting loss coefficients per tank loop; default 10 (assumption) [-].
    pump_efficiency, motor_efficiency, drive_efficiency : float, optional
        Pump 0.6, motor 0.8, drive 0.97 (assumptions: small centrifugal pumps;
        IE3 4-pole is 82.5 % at 0.75 kW (IEC 60034-30-1) and tank pumps are smaller) [-].
    room_loss_fraction : float, optional
        Share of IT heat lost from the tanks to room air, in [0, 1); default 0
        (assumption: closed, insulated tanks) [-].
    room_supply_air_temperature : pint.Quantity, optional
        Supply air of the room units that remove that share; default 24 °C (assumption) [K].
    room_air_delta_t : pint.Quantity, optional
        Room-air temperature rise; default 10 K (assumption) [K].
    room_coil_approach : pint.Quantity, optional
        Supply air minus chilled-water supply at the room coil; default 5 K (assumption) [K].
    room_specific_fan_power : pint.Quantity, optional
        Room-unit fan power per airflow, W/(m³/s) ≡ Pa; default 600 W/(m³/s)
        (assumption) [Pa].

    Notes
    -----
    Energy balance: fluid flow :math:`\\dot m = Q_{liq}/(c_p\\,\\Delta T)` at the mean
    fluid temperature; the pump heat :math:`P_p` also enters the fluid, so the return
    is :math:`T_s + (Q_{liq} + P_p)/(\\dot m c_p)`.

    Pump power :math:`P_p = \\dot V\\,\\Delta p/(\\eta_p\\eta_m\\eta_d)` (:func:`coolsim.pumps.electrical_power`)
    with :math:`\\Delta p = \\Delta p_{int}(\\mu/\\mu_{ref})(\\dot V/\\dot V_{design}) + \\Delta p_{pipe}`;
    the pipe loss comes from :func:`coolsim.hydraulics.pipe_pressure_drop` (Hagen–Poiseuille
    below Re 2300, Colebrook above) plus :math:`K\\rho v^2/2`, with the fluid's viscosity at
    its mean temperature — a colder or more viscous fluid costs more pump power.

    GPU heat sink: laminar flow between parallel fins, hydraulic diameter :math:`2s`,
    flow area :math:`A s/(2L)`, fully developed :math:`Nu = 8.235` (H1, aspect ratio 0;
    ignores the thermal entry region, so conservative), valid for Re < 2300
    (ValidityRangeError otherwise).  The channel is rated as an exchanger with an
    isothermal wall: :math:`G_f = C[1 - \\exp(-hA/C)]`, :math:`C = \\dot m_{hs} c_p`.
    Natural convection in the fin channels (Bar-Cohen & Rohsenow,
    :math:`Nu_S = [576/El^2 + 2.87/El^{1/2}]^{-1/2}`, :math:`El = Ra_S S/L`) is the
    floor when the flow is low: the sink runs at the smaller of the two temperature
    differences (the larger conductance).  The fluid reaching the GPUs is taken at the
    tank outlet temperature (conservative).  GPU case temperature
    :math:`T_c = T_{out} + P_{gpu}/G + P_{gpu}R_{cs}`, junction (``max_device_temperature``,
    checked against ``junction_limit``) :math:`T_c + P_{gpu}R_{jc}`; the GPU power
    follows the server's compute power (TDP at full utilisation).

    Exchanger: counterflow, fluid hot side (return → supply), facility water cold
    side; the UA needed at each operating point is reported (:func:`coolsim.heat_exchangers.ua_for_duty`).
    Facility supply = fluid supply − ``hx_approach``.

    References
    ----------
    .. [1] R. Eiland, J. E. Fernandes, M. Vallejo, A. Siddarth, D. Agonafer, V. Mulay,
       "Thermal performance and efficiency of a mineral oil immersed server over varied
       environmental operating conditions", J. Electron. Packag. 139(4) (2017) 041005,
       doi:10.1115/1.4037526 (pPUE_cooling as low as 1.03).
    .. [2] A. Bar-Cohen, W. M. Rohsenow, "Thermally optimum spacing of vertical, natural
       convection cooled, parallel plates", J. Heat Transfer 106 (1984) 116–123; as in
       Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed. (2011), eq. 9.45.
    .. [3] R. K. Shah, A. L. London, *Laminar Flow Forced Convection in Ducts*,
       Academic Press (1978) (parallel plates, Nu_H1 = 8.235).
    .. [4] Intel / Green Revolution Cooling year-long oil-immersion test, 250 gal tank,
       cooling PUE 1.02–1.03 (reported by Elektor and X-bit labs, 2012; 2ND).

    Examples
    --------
    >>> from coolsim.it_equipment import ITLoad
    >>> from coolsim.site import design_site
    >>> r = SinglePhaseImmersion().capture_si(ITLoad("dgx-h100", racks=500), 1.0, design_site("sterling-va").si)
    >>> round(r.it_power / 1e6, 2), r.details["tank_count"][0]
    (18.36, 500)
    >>> round(1 + r.pump_power / r.it_power, 3)
    1.012
    """

    fluid: Coolant = MINERAL_OIL_PNF
    servers_per_tank: int = 4
    fluid_supply_temperature: object = quantity_field(40.0, "degC")
    fluid_delta_t: object = quantity_field(10.0, "K")
    hx_approach: object = quantity_field(5.0, "K")
    facility_delta_t: object = quantity_field(10.0, "K")
    fluid_volume_per_tank: object = quantity_field(250.0, "gallon")
    heat_sink_area: object = quantity_field(0.5, "m**2")
    fin_gap: object = quantity_field(2.0, "mm")
    fin_length: object = quantity_field(120.0, "mm")
    heat_sink_flow_share: float = 0.5
    case_to_sink_resistance: object = quantity_field(0.01, "K/W")
    junction_to_case_resistance: object = quantity_field(0.015, "K/W")
    junction_limit: object = quantity_field(85.0, "degC")
    internal_pressure_drop: object = quantity_field(50.0, "kPa")
    internal_reference_viscosity: object = quantity_field(10.0, "mPa*s")
    pipe_length: object = quantity_field(30.0, "m")
    pipe_diameter: object = quantity_field(50.0, "mm")
    pipe_minor_loss: float = 10.0
    pump_efficiency: float = 0.6
    motor_efficiency: float = 0.8
    drive_efficiency: float = 0.97
    room_loss_fraction: float = 0.0
    room_supply_air_temperature: object = quantity_field(24.0, "degC")
    room_air_delta_t: object = quantity_field(10.0, "K")
    room_coil_approach: object = quantity_field(5.0, "K")
    room_specific_fan_power: object = quantity_field(600.0, "W/(m**3/s)")
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        if not isinstance(self.fluid, Coolant):
            raise OutOfRangeError(f"parameter 'fluid' must be a coolsim.coolants.Coolant; got {type(self.fluid).__name__}")
        servers_per_tank_si(self.servers_per_tank)
        si = convert_fields(self, _SPECS)
        f = self.fluid
        t_s, dt = si["fluid_supply_temperature"], si["fluid_delta_t"]
        f.check_temperature_si(t_s, "fluid_supply_temperature")
        f.check_temperature_si(t_s + dt, "fluid_delta_t")
        bad = np.asarray(si["facility_delta_t"] >= dt + si["hx_approach"])
        if bad.any():
            raise OutOfRangeError(
                "parameter 'facility_delta_t' must be below fluid_delta_t + hx_approach (the facility "
                "water must leave cooler than the fluid enters the exchanger, counterflow); got "
                f"{float(np.max(si['facility_delta_t']))!r} K"
            )
        w = water()
        t_fws = t_s - si["hx_approach"]
        w.check_temperature_si(t_fws, "hx_approach")
        w.check_temperature_si(t_fws + si["facility_delta_t"], "facility_delta_t")
        if np.any(si["room_loss_fraction"] > 0.0):
            w.check_temperature_si(si["room_supply_air_temperature"] - si["room_coil_approach"], "room_coil_approach")
        rho = f.density_si(t_s) - f.density_si(t_s + dt)
        if np.any(np.asarray(rho) <= 0.0):
            raise OutOfRangeError(f"parameter 'fluid': the density of {f.name} must fall with temperature (natural convection)")
        object.__setattr__(self, "_si", si)

    # ------------------------------------------------------------------ physics
    def _heat_sink(self, p_gpu, m_hs, t_in):
        """GPU heat-sink temperature rise over ``t_in`` [K] and the channel Re [-]."""
        s, f = self._si, self.fluid
        rho, cp, mu, k = (f.density_si(t_in), f.specific_heat_si(t_in), f.viscosity_si(t_in), f.conductivity_si(t_in))
        area, gap, length = s["heat_sink_area"], s["fin_gap"], s["fin_length"]
        dh = 2.0 * gap
        velocity = m_hs / (rho * area * gap / (2.0 * length))
        re = rho * velocity * dh / mu
        if np.any(re >= RE_LAMINAR_MAX):
            raise ValidityRangeError(
                "parameters 'heat_sink_flow_share', 'heat_sink_area' and 'fin_length' give a fin-channel "
                f"Reynolds number {float(np.max(re)):.4g} (Re = 4 L m/(A mu)), outside the laminar "
                f"parallel-plate model (Re < {RE_LAMINAR_MAX:g}); reduce the flow share or enlarge the heat "
                "sink. coolsim does not extrapolate correlations."
            )
        h = nusselt_rectangular_h1.si(0.0) * k / dh
        c = m_hs * cp
        g_forced = -c * np.expm1(-h * area / c)
        dt_forced = p_gpu / g_forced
        # Natural-convection floor (Bar-Cohen & Rohsenow) at the same fluid state: the sink
        # runs at the smaller temperature rise of the two mechanisms.
        el_per_k = STANDARD_GRAVITY * self._beta() * gap**4 * rho * cp * rho / (mu * k * length)
        return np.minimum(dt_forced, _natural_rise(p_gpu, el_per_k, k, gap, area)), re

    def _beta(self):
        """Volumetric expansion coefficient over the tank's temperature rise [1/K]."""
        s, f = self._si, self.fluid
        t_s, dt = s["fluid_supply_temperature"], s["fluid_delta_t"]
        r0, r1 = f.density_si(t_s), f.density_si(t_s + dt)
        return 2.0 * (r0 - r1) / ((r0 + r1) * dt)

    def capture_si(self, it_load, utilisation, site) -> CaptureResult:
        """Capture the hall's IT heat in single-phase immersion tanks (SI core).

        Parameters
        ----------
        it_load : coolsim.it_equipment.ITLoad
            Servers of the hall (their ``gpu_count`` must be >= 1) [-].
        utilisation : float or numpy.ndarray
            Utilisation in [0, 1] [-].
        site : coolsim.site.SiteSI
            Outdoor conditions; not used (no outdoor air path in the tank loop) [-].

        Returns
        -------
        CaptureResult
            Kind ``immersion_single_phase``; one facility-water stream (preceded by a
            chilled-water stream only when ``room_loss_fraction`` > 0).
        """
        s = self._si
        it_power, compute = it_powers_no_fans(it_load, utilisation)
        n_srv, n_gpu, spt = it_load.server_count, it_load.server.gpu_count, self.servers_per_tank
        tanks = tank_count(n_srv, spt)
        f = self.fluid
        t_s, dt = s["fluid_supply_temperature"], s["fluid_delta_t"]
        t_mean = t_s + 0.5 * dt
        rho, cp, mu = f.density_si(t_mean), f.specific_heat_si(t_mean), f.viscosity_si(t_mean)

        loss = s["room_loss_fraction"]
        heat_to_air = loss * it_power
        heat_to_liquid = it_power - heat_to_air
        m_dot = heat_to_liquid / (cp * dt)
        flow = m_dot / rho
        flow_tank = flow * spt / n_srv
        # Pressure drop per tank loop (tanks in parallel) and pump power.
        full_compute = it_load.server._si["max_power"] - it_load.server._si["fan_power_ref"]
        dp_int = s["internal_pressure_drop"] * (mu / s["internal_reference_viscosity"]) * (compute / full_compute)
        d = s["pipe_diameter"]
        dp_pipe = pipe_pressure_drop.si(flow_tank, d, s["pipe_length"], rho, mu, 0.0)
        dp_pipe = dp_pipe + minor_loss_pressure_drop.si(s["pipe_minor_loss"], rho, flow_velocity.si(flow_tank, d))
        dp = dp_int + dp_pipe
        pump = electrical_power.si(flow, dp, s["pump_efficiency"], s["motor_efficiency"], s["drive_efficiency"])
        q_liquid = heat_to_liquid + pump
        t_out = t_s + q_liquid / (m_dot * cp)
        f.check_temperature_si(t_out, "fluid_delta_t")

        # Hottest GPU.
        p_gpu = gpu_power(it_load, compute)
        m_hs = s["heat_sink_flow_share"] * m_dot / (n_srv * n_gpu)
        dt_sink, re = self._heat_sink(p_gpu, m_hs, t_out)
        t_case = t_out + dt_sink + p_gpu * s["case_to_sink_resistance"]
        t_j = t_case + p_gpu * s["junction_to_case_resistance"]
        limit = s["junction_limit"]
        shape = result_shape(it_power, t_j, t_s, s["hx_approach"], s["facility_delta_t"], pump, loss)
        feas = Feasibility.check(np.broadcast_to(np.logical_not(np.greater(t_j, limit)), shape),
                                 f"GPU junction above its limit ({float(np.max(limit)) - 273.15:g} degC)")

        # Fluid -> facility water exchanger (counterflow).
        t_fws = t_s - s["hx_approach"]
        t_fwr = t_fws + s["facility_delta_t"]
        c_water = q_liquid / s["facility_delta_t"]
        ua = ua_for_duty.si(COUNTERFLOW, q_liquid, t_out, t_fws, m_dot * cp, c_water)
        w = water()
        t_wm = 0.5 * (t_fws + t_fwr)
        water_flow = c_water / (w.specific_heat_si(t_wm) * w.density_si(t_wm))

        b = lambda x: broadcast(x, shape)  # noqa: E731
        zeros = full(shape)
        streams = []
        airflow, fan = zeros, zeros
        if np.any(loss > 0.0):
            airflow = b(heat_to_air / (_RHO_AIR * _CP_AIR * s["room_air_delta_t"]))
            fan = b(airflow * s["room_specific_fan_power"])
            chw = s["room_supply_air_temperature"] - s["room_coil_approach"]
            streams.append(HeatStream(b(heat_to_air + fan), b(chw), b(chw + s["room_air_delta_t"]),
                                      "chilled water to room coils (residual tank losses)", Circuit.CHILLED_WATER))
        streams.append(HeatStream(b(q_liquid), b(t_fws), b(t_fwr), "facility water to tank heat exchangers",
                                  Circuit.FACILITY_WATER))
        vol = tanks * s["fluid_volume_per_tank"]
        details = {
            "tank_count": (tanks, ""),
            "fluid_volume": (vol, "m**3"),
            "fluid_mass": (vol * f.density_si(t_s), "kg"),
            "fluid_flow_per_tank": (flow_tank, "m**3/s"),
            "fluid_return_temperature": (t_out, "K"),
            "fluid_viscosity": (mu, "Pa*s"),
            "pressure_drop": (dp, "Pa"),
            "pressure_drop_internal": (dp_int, "Pa"),
            "pressure_drop_piping": (dp_pipe, "Pa"),
            "gpu_power": (p_gpu, "W"),
            "heat_sink_reynolds": (re, ""),
            "heat_sink_temperature_rise": (dt_sink, "K"),
            "gpu_case_temperature": (t_case, "K"),
            "hx_ua": (ua, "W/K"),
            "facility_water_flow": (water_flow, "m**3/s"),
        }
        details = {k: (v if k == "tank_count" else b(v), u) for k, (v, u) in details.items()}
        return CaptureResult(
            kind="immersion_single_phase",
            it_power=b(it_power),
            server_fan_power=zeros,
            compute_power=b(it_power),
            heat_to_air=b(heat_to_air),
            heat_to_liquid=b(heat_to_liquid),
            it_airflow=zeros,
            cooling_airflow=airflow,
            air_mover_power=fan,
            coolant_flow=b(flow),
            pump_power=b(pump),
            max_device_temperature=b(t_j),
            it_inlet_temperature=None,
            sound_power_level=None,
            streams=tuple(streams),
            feasibility=feas,
            details=details,
            coolant_pressure_drop=b(dp),
        )

    def capture(self, it_load, utilisation=1.0, site=None) -> CaptureResult:
        """Convenience wrapper of :meth:`capture_si` (checks ``utilisation``, default site).

        Parameters
        ----------
        it_load : coolsim.it_equipment.ITLoad
            Servers of the hall [-].
        utilisation : float or array_like, optional
            Utilisation in [0, 1]; default 1 [-].
        site : coolsim.site.Site, optional
            Default ``design_site("sterling-va")`` (not used by the physics) [-].

        Returns
        -------
        CaptureResult
            In SI (W, K, m³/s), like :meth:`capture_si`.

        Examples
        --------
        >>> from coolsim.it_equipment import ITLoad
        >>> r = SinglePhaseImmersion().capture(ITLoad("dgx-h100", racks=1), 0.5)
        >>> round(r.coolant_flow * 60000, 1)  # L/min for one tank
        75.3
        """
        return capture_at_site(self, it_load, utilisation, site)
