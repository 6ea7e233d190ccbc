"""Two-phase immersion: servers in a boiling dielectric pool, vapour condensed on water coils.

The server fans are removed; the IT heat boils the fluid at its saturation
temperature and the vapour condenses on coils fed with facility water.  No
fluid pump is needed (the condensate falls back by gravity).  See
:class:`TwoPhaseImmersion` and ``docs/models/capture_immersion.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..boiling import LIENHARD_DHIR_K, ZUBER_K, chf_margin, critical_heat_flux_zuber, rohsenow_wall_superheat
from ..coolants import NOVEC_649, TwoPhaseFluid, water
from ..errors import OutOfRangeError
from ..feasibility import Feasibility
from ..heat_exchangers import COUNTERFLOW, ntu_from_effectiveness
from ..units import AREA, DIMENSIONLESS, MASS_FLOW, TEMPERATURE, TEMPERATURE_DIFFERENCE, THERMAL_RESISTANCE, VOLUME
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

__all__ = ["TwoPhaseImmersion", "SECONDS_PER_YEAR"]

#: 8,760 hours [s], the year over which vapour loss is totalled.
SECONDS_PER_YEAR = 8760.0 * 3600.0

_SPECS = dict(
    condenser_approach=TEMPERATURE_DIFFERENCE.positive(),
    condenser_water_delta_t=TEMPERATURE_DIFFERENCE.positive(),
    boiling_area_per_gpu=AREA.positive(),
    chf_enhancement=DIMENSIONLESS.between(1.0, 5.0),
    zuber_k=DIMENSIONLESS.between(0.05, 0.3),
    rohsenow_csf=DIMENSIONLESS.between(1e-4, 0.1),
    rohsenow_n=DIMENSIONLESS.between(0.5, 2.5),
    case_to_surface_resistance=THERMAL_RESISTANCE.nonnegative(),
    junction_to_case_resistance=THERMAL_RESISTANCE.nonnegative(),
    junction_limit=TEMPERATURE.between(273.15, 423.15),
    vapour_loss_rate=MASS_FLOW.nonnegative(),
    fluid_volume_per_tank=VOLUME.positive(),
)


@dataclass(frozen=True)
class TwoPhaseImmersion:
    """Two-phase immersion tanks: pool boiling at saturation, water-cooled condensers.

    Parameters
    ----------
    fluid : TwoPhaseFluid, optional
        Boiling dielectric; default :data:`~coolsim.coolants.NOVEC_649` (boils at 49 °C,
        3M datasheet) [-].
    servers_per_tank : int, optional
        Servers per tank; default 4 (assumption, as for single-phase) [-].
    condenser_approach : pint.Quantity, optional
        Saturation temperature minus facility-water supply; default 12 K
        (assumption) [K].
    condenser_water_delta_t : pint.Quantity, optional
        Facility-water temperature rise in the condenser; default 6 K (assumption);
        must be below ``condenser_approach`` [K].
    boiling_area_per_gpu : pint.Quantity, optional
        Boiling area of one GPU: a boiling-enhancement heat spreader or coating on
        the lid; default 100 cm² (assumption: 10 cm × 10 cm; a bare ~8 cm² lid at
        700 W would be ~6× over the critical heat flux) [m²].
    chf_enhancement : float, optional
        Factor on the plain-surface Zuber critical heat flux for an enhanced
        (microporous, finned) surface, in [1, 5]; default 1.0 (plain surface:
        conservative; give a measured factor for a coating) [-].
    zuber_k : float, optional
        Zuber constant; default π/24 (:data:`coolsim.boiling.ZUBER_K`, the lower,
        conservative value) [-].
    rohsenow_csf, rohsenow_n : float, optional
        Rohsenow surface–fluid constant 0.004 and Prandtl exponent 1.7
        (assumptions: C_sf at the low end of the tabulated 0.0027–0.015 range, for a
        boiling-enhanced spreader; n = 1.7 is Rohsenow's value for fluids other
        than water) [-].
    case_to_surface_resistance : pint.Quantity, optional
        GPU case (lid) to boiling-surface resistance (interface and spreader);
        default 0.005 K/W (assumption: a thin soldered or sintered spreader) [K/W].
    junction_to_case_resistance : pint.Quantity, optional
        Default 0.015 K/W (assumption, as in direct-to-chip) [K/W].
    junction_limit : pint.Quantity, optional
        Highest allowed GPU junction temperature; default 85 °C (assumption, as in
        direct-to-chip) [K].
    vapour_loss_rate : pint.Quantity, optional
        Fluid lost as vapour per tank (seals, lid openings for service); default
        0.01 kg/h (assumption, ~88 kg per tank-year) [kg/s].
    fluid_volume_per_tank : pint.Quantity, optional
        Fluid charge of one tank; default 400 L (assumption) [m³].

    Notes
    -----
    The tank is held at 1 atm (bellows or vapour space at room pressure; the site's
    barometric pressure is not used), so the pool is at the normal boiling point
    :math:`T_{sat}`.  Vapour generation :math:`\\dot m_v = Q/h_{fg}`; the same mass
    condenses and returns as liquid, :math:`\\dot V_l = \\dot m_v/\\rho_l(T_{sat})`.

    Critical heat flux (:func:`coolsim.boiling.critical_heat_flux_zuber`) with the fluid
    at saturation, times ``chf_enhancement``; per-GPU heat flux
    :math:`q'' = P_{gpu}/A_{boil}` and margin :math:`q''_{CHF}/q''`
    (:func:`coolsim.boiling.chf_margin`); margin < 1 is flagged ``CHF exceeded``,
    never clamped.  Wall superheat from :func:`coolsim.boiling.rohsenow_wall_superheat`;
    junction :math:`T_{sat} + \\Delta T_e + P_{gpu}(R_{cs} + R_{jc})`.  Where the heat
    flux is beyond the plain-surface range of Rohsenow (above the Zuber CHF with
    K = 0.149) no nucleate-boiling state exists in the model: the device
    temperature is NaN there, and the element is flagged.

    Condenser: condensing side at :math:`T_{sat}` (Cr = 0),
    :math:`\\varepsilon = \\Delta T_w/(T_{sat} - T_{w,in})`,
    :math:`NTU = -\\ln(1-\\varepsilon)`, :math:`UA = NTU\\,C_w`.  Facility supply
    :math:`T_{sat}` − ``condenser_approach``.  No fluid pumps (pump power 0).

    References
    ----------
    .. [1] 3M, *Novec 649 Engineered Fluid* product information (boiling point 49 °C,
       latent heat 88 kJ/kg); 3M, *Novec 7100* product information.
    .. [2] N. Zuber, *Hydrodynamic Aspects of Boiling Heat Transfer*, AECU-4439 (1959).
    .. [3] W. M. Rohsenow, Trans. ASME 74 (1952) 969–976; Bergman et al.,
       *Fundamentals of Heat and Mass Transfer*, 7th ed. (2011), eq. 10.5, Table 10.1.
    .. [4] Bergman et al. (2011), Table 11.3: ε = 1 − exp(−NTU) for Cr = 0.

    Examples
    --------
    >>> from coolsim.it_equipment import ITLoad
    >>> from coolsim.site import design_site
    >>> r = TwoPhaseImmersion().capture_si(ITLoad("dgx-h100", racks=500), 1.0, design_site("sterling-va").si)
    >>> round(r.details["chf_margin"][0], 2), round(r.details["vapour_generation"][0], 1)
    (1.98, 208.6)
    """

    fluid: TwoPhaseFluid = NOVEC_649
    servers_per_tank: int = 4
    condenser_approach: object = quantity_field(12.0, "K")
    condenser_water_delta_t: object = quantity_field(6.0, "K")
    boiling_area_per_gpu: object = quantity_field(100.0, "cm**2")
    chf_enhancement: float = 1.0
    zuber_k: float = ZUBER_K
    rohsenow_csf: float = 0.004
    rohsenow_n: float = 1.7
    case_to_surface_resistance: object = quantity_field(0.005, "K/W")
    junction_to_case_resistance: object = quantity_field(0.015, "K/W")
    junction_limit: object = quantity_field(85.0, "degC")
    vapour_loss_rate: object = quantity_field(0.01, "kg/hour")
    fluid_volume_per_tank: object = quantity_field(400.0, "L")
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        if not isinstance(self.fluid, TwoPhaseFluid):
            raise OutOfRangeError(
                "parameter 'fluid' must be a coolsim.coolants.TwoPhaseFluid (a fluid with saturation "
                f"data, e.g. NOVEC_649 or NOVEC_7100); got {getattr(self.fluid, 'name', type(self.fluid).__name__)!r}"
            )
        servers_per_tank_si(self.servers_per_tank)
        si = convert_fields(self, _SPECS)
        bad = np.asarray(si["condenser_water_delta_t"] >= si["condenser_approach"])
        if bad.any():
            raise OutOfRangeError(
                "parameter 'condenser_water_delta_t' must be below condenser_approach (the water cannot "
                f"leave above the saturation temperature); got {float(np.max(si['condenser_water_delta_t']))!r} K"
            )
        w = water()
        t_sat = self.fluid.boiling_point
        w.check_temperature_si(t_sat - si["condenser_approach"], "condenser_approach")
        object.__setattr__(self, "_si", si)

    def _saturation(self):
        """Saturated-liquid properties at the boiling point (σ, h_fg, ρ_l, ρ_v, μ, k, c_p)."""
        f = self.fluid
        t = f.boiling_point
        return (f.surface_tension_si(t), f.latent_heat_si, f.density_si(t), f.vapour_density_si,
                f.viscosity_si(t), f.conductivity_si(t), f.specific_heat_si(t))

    def capture_si(self, it_load, utilisation, site) -> CaptureResult:
        """Capture the hall's IT heat in two-phase immersion tanks (SI core).

        Parameters
        ----------
        it_load : coolsim.it_equipment.ITLoad
            Servers of the hall (their ``gpu_count`` must be >= 1) [-].
        utilisation : float or numpy.ndarray
            Utilisation in [0, 1] [-].
        site : coolsim.site.SiteSI
            Outdoor conditions; not used (the tank is held at 1 atm) [-].

        Returns
        -------
        CaptureResult
            Kind ``immersion_two_phase``; one facility-water stream (the condensers).
        """
        s = self._si
        it_power, compute = it_powers_no_fans(it_load, utilisation)
        tanks = tank_count(it_load.server_count, self.servers_per_tank)
        t_sat = self.fluid.boiling_point
        sigma, h_fg, rho_l, rho_v, mu, k, cp = self._saturation()

        # Boiling at the GPUs.
        p_gpu = gpu_power(it_load, compute)
        chf = s["chf_enhancement"] * critical_heat_flux_zuber.si(sigma, h_fg, rho_l, rho_v, s["zuber_k"])
        q, margin, _ = chf_margin.si(p_gpu, s["boiling_area_per_gpu"], chf)
        q_rohsenow_max = critical_heat_flux_zuber.si(sigma, h_fg, rho_l, rho_v, LIENHARD_DHIR_K)
        nucleate = np.asarray(q <= q_rohsenow_max)
        # Elements beyond the plain-surface CHF get a placeholder flux whose result is discarded (NaN).
        q_eval = np.where(nucleate, q, 0.5 * q_rohsenow_max)
        superheat = rohsenow_wall_superheat.si(q_eval, sigma, h_fg, rho_l, rho_v, mu, k, cp,
                                               s["rohsenow_csf"], s["rohsenow_n"])
        superheat = np.where(nucleate, superheat, np.nan)
        t_case = t_sat + superheat + p_gpu * s["case_to_surface_resistance"]
        t_j = t_case + p_gpu * s["junction_to_case_resistance"]

        # Vapour and condenser.
        m_vap = it_power / h_fg
        condensate = m_vap / rho_l
        t_fws = t_sat - s["condenser_approach"]
        t_fwr = t_fws + s["condenser_water_delta_t"]
        eps = s["condenser_water_delta_t"] / s["condenser_approach"]
        c_water = it_power / s["condenser_water_delta_t"]
        ua = ntu_from_effectiveness.si(COUNTERFLOW, eps, 0.0) * c_water
        w = water()
        t_wm = 0.5 * (t_fws + t_fwr)
        water_flow = c_water / (w.specific_heat_si(t_wm) * w.density_si(t_wm))
        loss = tanks * s["vapour_loss_rate"]

        shape = result_shape(it_power, t_j, margin, t_fws, t_fwr)
        b = lambda x: broadcast(x, shape)  # noqa: E731
        t_j = b(t_j)
        over = np.greater(t_j, s["junction_limit"])  # NaN (no nucleate state) compares False
        feas = (Feasibility.check(b(margin) >= 1.0, "CHF exceeded")
                & Feasibility.check(np.broadcast_to(nucleate, shape),
                                    "heat flux beyond the plain-surface nucleate-boiling range (Rohsenow): "
                                    "device temperature not evaluated")
                & Feasibility.check(np.logical_not(over),
                                    f"GPU junction above its limit ({float(np.max(s['junction_limit'])) - 273.15:g} degC)"))
        zeros = full(shape)
        details = {
            "tank_count": (tanks, ""),
            "saturation_temperature": (b(t_sat), "K"),
            "fluid_volume": (b(tanks * s["fluid_volume_per_tank"]), "m**3"),
            "fluid_mass": (b(tanks * s["fluid_volume_per_tank"] * rho_l), "kg"),
            "gpu_power": (b(p_gpu), "W"),
            "gpu_heat_flux": (b(q), "W/m**2"),
            "critical_heat_flux": (b(chf), "W/m**2"),
            "chf_margin": (b(margin), ""),
            "wall_superheat": (b(superheat), "K"),
            "gpu_case_temperature": (b(t_case), "K"),
            "vapour_generation": (b(m_vap), "kg/s"),
            "condensate_flow": (b(condensate), "m**3/s"),
            "condenser_ua": (b(ua), "W/K"),
            "condenser_effectiveness": (b(eps), ""),
            "facility_water_flow": (b(water_flow), "m**3/s"),
            "vapour_loss_rate": (b(loss), "kg/s"),
            "vapour_loss_per_year": (b(loss * SECONDS_PER_YEAR), "kg"),
        }
        stream = HeatStream(b(it_power), b(t_fws), b(t_fwr), "facility water to tank condensers",
                            Circuit.FACILITY_WATER)
        return CaptureResult(
            kind="immersion_two_phase",
            it_power=b(it_power),
            server_fan_power=zeros,
            compute_power=b(it_power),
            heat_to_air=zeros,
            heat_to_liquid=b(it_power),
            it_airflow=zeros,
            cooling_airflow=zeros,
            air_mover_power=zeros,
            coolant_flow=b(condensate),
            pump_power=zeros,
            max_device_temperature=t_j,
            it_inlet_temperature=None,
            sound_power_level=None,
            streams=(stream,),
            feasibility=feas,
            details=details,
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
            In SI (W, K, m³/s, kg/s), like :meth:`capture_si`.

        Examples
        --------
        >>> from coolsim.it_equipment import ITLoad
        >>> r = TwoPhaseImmersion().capture(ITLoad("dgx-b200", racks=1))
        >>> round(r.details["chf_margin"][0], 2), r.feasibility.reasons_anywhere()
        (1.39, ['GPU junction above its limit (85 degC)'])
        """
        return capture_at_site(self, it_load, utilisation, site)
