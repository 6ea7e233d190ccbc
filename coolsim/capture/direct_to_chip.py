"""Direct-to-chip liquid cooling: the technology cooling system (TCS), the CDU and the capture component.

Cold plates on the GPUs and CPUs hand a share φ of the server heat to a
propylene-glycol loop (TCS); a coolant distribution unit (CDU, a plate
exchanger plus pumps) passes it to the facility water system (FWS).  The rest
of the heat (memory, NICs, power supplies, the fans themselves) leaves by air
through an ``air_side`` object (:class:`coolsim.capture.air.AirSide`).

Design choices (each stated in :class:`DirectToChip`):

* the TCS flow is sized once, at full IT load, for the design ΔT; pumps run
  at that constant flow (no valves at the plates), so at part load the TCS ΔT
  and the CDU approach shrink;
* plates in a server are in parallel with flow in proportion to their design
  heat (a balanced manifold), so every plate sees the TCS supply temperature
  and every GPU has the same case temperature — the hottest GPU is any GPU;
* the CDU is a counterflow plate exchanger (:data:`coolsim.heat_exchangers.PLATE`)
  sized at full load for the design approach; at other loads the facility
  supply that still gives the TCS supply setpoint follows from ε-NTU at the
  same UA and flows: :math:`T_{fws} = T_{tcs,ret} - Q/(\\varepsilon C_{min})`.

References
----------
.. [1] Open Compute Project, *OAI System Liquid Cooling Guidelines*, rev. 1.0 (2023):
   1.5 L/min per kW at ≤ 10 K (range 1.25–2.0), fig. 8 (cold plate).
.. [2] ASHRAE TC 9.9, *Thermal Guidelines for Data Processing Environments*, 5th ed.
   (2021), liquid cooling classes W17–W+ (via secondary summaries, 2ND).
.. [3] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed. (2011), ch. 11.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field

import numpy as np

from .. import coolants as _coolants
from .. import heat_balance as _hb
from .. import heat_exchangers as _hx
from .. import pumps as _pumps
from ..errors import CoolsimError, InfeasibleError, OutOfRangeError
from ..feasibility import Feasibility
from ..it_equipment import FAN_MIN_FLOW, fan_power_vs_inlet
from ..units import (
    DIMENSIONLESS,
    FRACTION,
    POWER,
    PRESSURE,
    Q_,
    TEMPERATURE,
    TEMPERATURE_DIFFERENCE,
    THERMAL_CONDUCTANCE,
    quantity_io,
    to_si,
)
from .base import CaptureResult, Circuit, HeatStream
from .cold_plate import ColdPlate, _coolant

__all__ = ["LiquidClass", "LIQUID_CLASSES", "liquid_class_for_supply", "size_cdu", "CDU", "DirectToChip"]

_C0 = 273.15


@dataclass(frozen=True)
class LiquidClass:
    """An ASHRAE liquid-cooling class: the warmest facility water supply it guarantees.

    Attributes
    ----------
    name : str
        ``W17`` … ``W45``, ``W+``.
    max_supply : float
        Maximum facility water supply temperature of the class [K]; ``inf`` for W+ (> 45 °C).
    """

    name: str
    max_supply: float


#: ASHRAE TC 9.9 (2021) liquid classes; the number is the maximum facility supply in °C,
#: W+ above 45 °C.  Grade 2ND: taken from secondary summaries; the primary table was not checked.
LIQUID_CLASSES = tuple(LiquidClass(f"W{t}", t + _C0) for t in (17, 27, 32, 40, 45)) + (LiquidClass("W+", np.inf),)
_CLASS_MAX = np.array([c.max_supply for c in LIQUID_CLASSES[:-1]])


@quantity_io(returns=None, facility_supply=TEMPERATURE.any())
def liquid_class_for_supply(facility_supply):
    """The warmest ASHRAE liquid class whose facility water still meets a design.

    Parameters
    ----------
    facility_supply : pint.Quantity
        Warmest facility water supply the design accepts [K].

    Returns
    -------
    numpy.ndarray of str
        ``W17`` … ``W45`` (largest class maximum ≤ ``facility_supply``), ``W+``
        only when the design accepts more than 45 °C, ``below W17`` when it
        needs colder water than any class guarantees [-].

    Notes
    -----
    A facility of class Wn delivers water up to n °C, so a design that accepts
    :math:`T` is served by every class with :math:`n \\le T`; the warmest of
    them is reported.  Class limits 17/27/32/40/45 °C (ASHRAE TC 9.9, 2021;
    2ND grade, primary table not checked).

    References
    ----------
    .. [1] ASHRAE TC 9.9, *Thermal Guidelines for Data Processing Environments*, 5th ed. (2021).

    Examples
    --------
    >>> from coolsim import Q_
    >>> liquid_class_for_supply(Q_([16, 32, 35, 50], "degC")).tolist()
    ['below W17', 'W32', 'W32', 'W+']
    """
    names = np.array(["below W17"] + [c.name for c in LIQUID_CLASSES])
    idx = np.searchsorted(_CLASS_MAX, np.asarray(facility_supply) + 1e-9, side="right")
    idx = np.where(np.asarray(facility_supply) > _CLASS_MAX[-1] + 1e-9, len(LIQUID_CLASSES), idx)
    return names[idx]


_T = TEMPERATURE.positive()


@quantity_io(
    returns=(DIMENSIONLESS, DIMENSIONLESS, THERMAL_CONDUCTANCE, TEMPERATURE_DIFFERENCE),
    duty=POWER.positive(), tcs_return=_T, tcs_supply=_T, facility_supply=_T, facility_return=_T,
)
def size_cdu(duty, tcs_return, tcs_supply, facility_supply, facility_return):
    """Size a CDU plate exchanger from its four terminal temperatures (ε-NTU).

    Parameters
    ----------
    duty : pint.Quantity
        Heat passed from the TCS to the facility water [W].
    tcs_return : pint.Quantity
        TCS temperature into the CDU (hot inlet) [K].
    tcs_supply : pint.Quantity
        TCS temperature out of the CDU to the cold plates (hot outlet) [K].
    facility_supply : pint.Quantity
        Facility water into the CDU (cold inlet) [K].
    facility_return : pint.Quantity
        Facility water out of the CDU (cold outlet) [K].

    Returns
    -------
    effectiveness : float
        ε = Q/(C_min ΔT_max) [-].
    ntu : float
        UA/C_min [-].
    ua : pint.Quantity
        Overall conductance [W/K].
    approach : pint.Quantity
        TCS supply − facility supply [K].

    Notes
    -----
    :math:`C_h = Q/(T_{h,i}-T_{h,o})`, :math:`C_c = Q/(T_{c,o}-T_{c,i})`, UA from
    :func:`coolsim.heat_exchangers.ua_for_duty` for a 1-pass/1-pass plate
    exchanger (pure counterflow).  Valid without a temperature cross.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed. (2011), sec. 11.5.

    Examples
    --------
    >>> from coolsim import Q_
    >>> eps, ntu, ua, app = size_cdu(Q_(1, "MW"), Q_(42, "degC"), Q_(32, "degC"), Q_(28, "degC"), Q_(36, "degC"))
    >>> round(eps, 3), round(ntu, 2), round(float(ua.to("kW/K").m)), round(float(app.m), 1)
    (0.714, 2.03, 203, 4.0)
    """
    for lo, hi, n_lo, n_hi in ((tcs_supply, tcs_return, "tcs_supply", "tcs_return"),
                               (facility_supply, facility_return, "facility_supply", "facility_return")):
        if np.any(np.asarray(hi <= lo)):
            raise OutOfRangeError(f"parameter '{n_hi}' must be above '{n_lo}'; got {hi!r} K <= {lo!r} K")
    c_hot = duty / (tcs_return - tcs_supply)
    c_cold = duty / (facility_return - facility_supply)
    ua = _hx.ua_for_duty.si(_hx.PLATE, duty, tcs_return, facility_supply, c_hot, c_cold)
    cmin = np.minimum(c_hot, c_cold)
    eps = duty / (cmin * (tcs_return - facility_supply))
    return _o(eps), _o(ua / cmin), _o(ua), _o(tcs_supply - facility_supply)


def _bc(x, shape):
    """``x`` as float64 of ``shape`` (a read-only broadcast view when it must grow; float for 0-d)."""
    x = np.asarray(x, dtype=np.float64)
    if x.shape != shape:
        x = np.broadcast_to(x, shape)
    return float(x) if x.ndim == 0 else x


def _o(x):
    x = np.asarray(x, dtype=np.float64)
    return float(x) if x.ndim == 0 else x


_DT = TEMPERATURE_DIFFERENCE.positive()
_EFF = DIMENSIONLESS.between(0.0, 1.0, lo_open=True)


@dataclass(frozen=True)
class CDU:
    """A coolant distribution unit: plate exchanger, TCS pumps and their design point.

    Parameters
    ----------
    approach : pint.Quantity
        Design approach, TCS supply − facility supply, at full load; default 4 K
        (typical 3–5 K, 2ND; the R21 case) [K].
    facility_delta_t : pint.Quantity
        Facility water temperature rise at full load; default 8 K (assumption,
        the R21 case; must be < TCS ΔT + approach) [K].
    internal_pressure_drop : pint.Quantity
        TCS-side Δp of the exchanger, strainer (50 µm) and internal piping at
        design flow; default 70 kPa (assumption) [Pa].
    pump_efficiency, motor_efficiency, drive_efficiency : float
        Defaults 0.70 (assumption, mid-size centrifugal pump), 0.92 (assumption,
        IE3 motor of a few kW, IEC 60034-30-1) and 0.97 (VFD; assumption as in
        :func:`coolsim.pumps.electrical_power`) [-].

    Examples
    --------
    >>> round(float(CDU().approach.m), 1)
    4.0
    """

    approach: object = field(default_factory=lambda: Q_(4.0, "K"))
    facility_delta_t: object = field(default_factory=lambda: Q_(8.0, "K"))
    internal_pressure_drop: object = field(default_factory=lambda: Q_(70.0, "kPa"))
    pump_efficiency: float = 0.70
    motor_efficiency: float = 0.92
    drive_efficiency: float = 0.97
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        si = self._si
        si["approach"] = to_si(self.approach, _DT, "approach")
        si["dt_fws"] = to_si(self.facility_delta_t, _DT, "facility_delta_t")
        si["dp"] = to_si(self.internal_pressure_drop, PRESSURE.nonnegative(), "internal_pressure_drop")
        for name in ("pump_efficiency", "motor_efficiency", "drive_efficiency"):
            si[name] = to_si(getattr(self, name), _EFF, name)


def _fan_speed_ok(server, t_in):
    s = server._si
    return (t_in >= s["inlet_min"]) & (t_in <= s["inlet_max"])


def _reason(ok, text, excess, *temperatures):
    """``text`` with ``temperatures`` [K] in degC at the infeasible element of largest
    ``excess``: one reason for all elements, built only where some element fails."""
    if np.all(ok):
        return ""
    arrays = np.broadcast_arrays(np.asarray(excess, float), *(np.asarray(t, float) for t in temperatures))
    i = np.unravel_index(np.argmax(arrays[0]), arrays[0].shape)
    worst = " at worst" if np.size(ok) - np.count_nonzero(ok) > 1 else ""
    return text.format(*(f"{a[i] - _C0:.1f}" for a in arrays[1:])) + worst


def _server_fans(server, t_in, air_share):
    """Server fans [W] via ``server.fan_power_si``; outside the server's inlet range the same
    curve is evaluated (flagged by the caller, not clamped)."""
    ok = _fan_speed_ok(server, t_in)
    if np.all(ok):
        return server.fan_power_si(t_in, air_share)
    s = server._si
    p = fan_power_vs_inlet.si(t_in, s["fan_power_ref"], s["fan_knee_temperature"], s["fan_speed_slope"])
    return p * (np.maximum(air_share, FAN_MIN_FLOW) / max(s["native_air_share"], FAN_MIN_FLOW)) ** 3


@dataclass(frozen=True)
class DirectToChip:
    """Direct-to-chip cold plates on a PG25 technology loop, a CDU, and an air side for the rest.

    Parameters
    ----------
    air_side : object
        Residual air path with ``evaluate_si(heat_to_air, it_airflow, site)``
        (:class:`coolsim.capture.air.AirSide`); default ``AirSide()`` when that module exists.
    cold_plate : ColdPlate, optional
        GPU cold plate; default :class:`ColdPlate` (OCP 1 kW OAM fit).
    coolant : Coolant, optional
        TCS coolant; default 25 % propylene glycol (primer: 25–30 % PG, 2ND) [-].
    tcs_supply_temperature : pint.Quantity, optional
        TCS supply to the plates; default 36 °C (choice: inside the CDU window
        17–45 °C, 2ND; with the 4 K approach the facility supply is 32 °C, the
        W32 limit, which a cooling tower meets at the Northern Virginia design
        wet bulb) [K].
    tcs_delta_t : pint.Quantity, optional
        TCS design rise; default 10 K (OCP: 1.5 L/min per kW at ≤ 10 K) [K].
    cdu : CDU, optional
        The CDU; default :class:`CDU`.
    liquid_share : float, optional
        φ, liquid heat as a share of *maximum* server power (fans at their
        reference power included), in (0, 1]; default the server's
        ``liquid_capturable_fraction`` [-].
    server_pressure_drop, quick_disconnect_pressure_drop, distribution_pressure_drop : pint.Quantity, optional
        TCS pressure drops at design flow besides the cold plate: server hoses
        and manifold (20 kPa), the server's supply/return quick-disconnect pair
        (15 kPa), rack manifolds and row piping (30 kPa); all assumptions [Pa].
    junction_limit : pint.Quantity, optional
        GPU junction limit; default 85 °C (assumption: GPU slowdown thresholds
        of 84–95 °C are quoted by secondary sources; none checked for H100 SXM) [K].
    dew_point_margin : pint.Quantity, optional
        Required TCS supply margin above the room dew point; default 2 K (2–3 K, 2ND) [K].
    it_delta_t : pint.Quantity, optional
        Server air temperature rise of the fully air-cooled server at full load;
        default 20 °F = 11.1 K (assumption, the forced-air default of
        :mod:`coolsim.capture.air`, so both components see the same servers) [K].
    facility_class : str, optional
        A facility liquid class (``"W32"``) the design must work with; the
        element is infeasible where the design needs colder water.  Default
        ``None``: the class met is only reported [-].

    Notes
    -----
    Per server at utilisation u: :math:`P(u)` from the server, compute
    :math:`P - P_{fan,ref}`, liquid heat
    :math:`Q_l = \\varphi P_{max}\\,(P-P_{fan,ref})/(P_{max}-P_{fan,ref})` (equal
    to the plated chips' TDP at full load, scaled with compute power below),
    fans :math:`P_{fan}(T_{in}, a)` from ``server.fan_power_si`` at the air
    share :math:`a = (1-\\varphi)P/P_{max}` (:math:`1-\\varphi` at full load; the
    fan model's convention that the share also covers part load), air
    heat :math:`P - P_{fan,ref} + P_{fan} - Q_l`.  IT airflow
    :math:`\\dot V_{full}\\max(a, a_{min})\\,s(T_{in})` with
    :math:`\\dot V_{full} = P_{max}/(\\rho c_p \\Delta T_{it})` and fan speed
    :math:`s = (P_{fan}(T_{in})/P_{fan,ref})^{1/3}`.  Inlet temperature and
    fans are coupled; two passes of the fixed point are made and the change of
    inlet temperature in the second pass is reported in ``details``.

    TCS flow :math:`\\dot V = \\varphi P_{max} N/(\\rho c_p \\Delta T)` at the mean
    TCS temperature; GPU plate flow :math:`\\dot V_{srv} P_{gpu,TDP}/(\\varphi P_{max})`.
    GPU case :math:`T_{sup} + Q_{gpu} R(\\dot V_{gpu})`, junction + :math:`Q_{gpu}R_{jc}`
    (``max_device_temperature`` is the junction).  Loop Δp = plate +
    server + QD + distribution + CDU; pump power :math:`\\dot V\\Delta p/(\\eta_p\\eta_m\\eta_d)`
    (pump heat ends in the TCS).  Feasibility reasons: junction over its limit,
    TCS supply below dew point + margin, GPU plate flow outside the cold-plate
    model range, IT inlet outside the server's range, a facility class too warm,
    and the air side's own reasons.

    References
    ----------
    .. [1] Open Compute Project, *OAI System Liquid Cooling Guidelines* (2023).
    .. [2] ASHRAE TC 9.9, *Thermal Guidelines for Data Processing Environments*, 5th ed. (2021).

    Examples
    --------
    >>> from coolsim import Q_
    >>> d = DirectToChip(air_side=None)
    >>> round(float(d.tcs_supply_temperature.to("degC").m), 1)
    36.0
    """

    air_side: object = "default"
    cold_plate: ColdPlate = None
    coolant: object = None
    tcs_supply_temperature: object = field(default_factory=lambda: Q_(36.0 + _C0, "K"))
    tcs_delta_t: object = field(default_factory=lambda: Q_(10.0, "K"))
    cdu: CDU = None
    liquid_share: object = None
    server_pressure_drop: object = field(default_factory=lambda: Q_(20.0, "kPa"))
    quick_disconnect_pressure_drop: object = field(default_factory=lambda: Q_(15.0, "kPa"))
    distribution_pressure_drop: object = field(default_factory=lambda: Q_(30.0, "kPa"))
    junction_limit: object = field(default_factory=lambda: Q_(85.0 + _C0, "K"))
    dew_point_margin: object = field(default_factory=lambda: Q_(2.0, "K"))
    it_delta_t: object = field(default_factory=lambda: Q_(20.0, "delta_degF"))
    facility_class: str | None = None
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        si = self._si
        if isinstance(self.air_side, str) and self.air_side == "default":
            try:
                from .air import AirSide
            except ImportError:
                air = None
            else:
                air = AirSide()
            object.__setattr__(self, "air_side", air)
        if self.air_side is not None and not callable(getattr(self.air_side, "evaluate_si", None)):
            raise OutOfRangeError(f"parameter 'air_side' must have an evaluate_si method; got {type(self.air_side).__name__}")
        params = inspect.signature(self.air_side.evaluate_si).parameters if self.air_side is not None else {}
        si["design_kw"] = "design_heat_to_air" in params and "design_it_airflow" in params
        if self.cold_plate is None:
            object.__setattr__(self, "cold_plate", ColdPlate())
        elif not isinstance(self.cold_plate, ColdPlate):
            raise OutOfRangeError(f"parameter 'cold_plate' must be a ColdPlate; got {type(self.cold_plate).__name__}")
        if self.cdu is None:
            object.__setattr__(self, "cdu", CDU())
        elif not isinstance(self.cdu, CDU):
            raise OutOfRangeError(f"parameter 'cdu' must be a CDU; got {type(self.cdu).__name__}")
        c = _coolant(self.coolant or _coolants.propylene_glycol(0.25), "coolant")
        object.__setattr__(self, "coolant", c)
        t_sup = to_si(self.tcs_supply_temperature, TEMPERATURE.any(), "tcs_supply_temperature")
        dt = to_si(self.tcs_delta_t, _DT, "tcs_delta_t")
        si["t_sup"] = c.check_temperature_si(t_sup, "tcs_supply_temperature")
        c.check_temperature_si(t_sup + dt, "tcs_supply_temperature + tcs_delta_t")
        si["dt"] = dt
        if self.liquid_share is None:
            si["phi"] = None
        else:
            phi = to_si(self.liquid_share, FRACTION, "liquid_share")
            if np.any(np.asarray(phi) == 0.0):
                raise OutOfRangeError("parameter 'liquid_share' must be > 0 for direct-to-chip cooling "
                                      "(an all-air hall is a forced-air component); got 0.0")
            si["phi"] = phi
        for name in ("server_pressure_drop", "quick_disconnect_pressure_drop", "distribution_pressure_drop"):
            si[name] = to_si(getattr(self, name), PRESSURE.nonnegative(), name)
        si["tj_max"] = to_si(self.junction_limit, TEMPERATURE.between(273.15, 423.15), "junction_limit")
        si["dew_margin"] = to_si(self.dew_point_margin, TEMPERATURE_DIFFERENCE.nonnegative(), "dew_point_margin")
        si["it_dt"] = to_si(self.it_delta_t, _DT, "it_delta_t")
        if self.facility_class is None:
            si["class_max"] = None
        else:
            found = [k for k in LIQUID_CLASSES if k.name.lower() == str(self.facility_class).strip().lower()]
            if not found:
                raise OutOfRangeError(f"parameter 'facility_class' must be one of "
                                      f"{', '.join(k.name for k in LIQUID_CLASSES)}; got {self.facility_class!r}")
            si["class_max"] = found[0].max_supply
        if np.any(np.asarray(self.cdu._si["dt_fws"] >= dt + self.cdu._si["approach"])):
            raise InfeasibleError(
                f"parameter 'facility_delta_t' ({self.cdu._si['dt_fws']} K) must be below tcs_delta_t + approach "
                f"({np.max(dt + self.cdu._si['approach'])} K): otherwise the CDU needs a temperature cross")

    # -- the capture ---------------------------------------------------------------
    def capture_si(self, it_load, utilisation, site) -> CaptureResult:
        """Capture the heat of ``it_load`` at ``utilisation`` [-] at ``site`` (SiteSI); all SI."""
        if self.air_side is None:
            raise CoolsimError("parameter 'air_side' is missing: pass air_side=AirSide(...) (coolsim.capture.air)")
        si, cd, cp_, srv = self._si, self.cdu._si, self.cold_plate, it_load.server
        s, n = srv._si, it_load.server_count
        p_max, fan_ref = s["max_power"], s["fan_power_ref"]
        phi = s["liquid_capturable_fraction"] if si["phi"] is None else si["phi"]
        phi_max = 1.0 - fan_ref / p_max
        if np.any(np.asarray(phi) > phi_max + 1e-12):
            raise OutOfRangeError(
                f"parameter 'liquid_share' must be <= {phi_max:.4g} for '{srv.name}' (the fans' reference "
                f"share of max power always leaves by air); got {float(np.max(phi)):.4g}")
        # IT power accounting (per server)
        p = srv.power_si(utilisation)
        compute = p - fan_ref
        q_liq_d = phi * p_max  # design (full-load) liquid heat per server
        q_liq = q_liq_d * compute / (p_max - fan_ref)
        air_share = (1.0 - phi) * p / p_max  # air-side heat relative to full load (fan-model convention)
        # TCS flow (constant, sized at full load) and GPU plates
        coolant, t_sup, dt = self.coolant, si["t_sup"], si["dt"]
        t_mean = t_sup + 0.5 * dt
        rho_cp = coolant.density_si(t_mean) * coolant.specific_heat_si(t_mean)
        v_srv = q_liq_d / (rho_cp * dt)
        v_hall = v_srv * n
        v_gpu = v_srv * s["gpu_tdp"] / q_liq_d
        q_gpu = s["gpu_tdp"] * compute / (p_max - fan_ref)
        t_case = cp_.case_temperature_si(q_gpu, v_gpu, t_sup, coolant)
        t_j = t_case + q_gpu * cp_._si["rjc"]
        dp_plate = cp_.pressure_drop_si(v_gpu, coolant, t_mean)
        dp_loop = (dp_plate + si["server_pressure_drop"] + si["quick_disconnect_pressure_drop"]
                   + si["distribution_pressure_drop"] + cd["dp"])
        pump = _pumps.electrical_power.si(v_hall, dp_loop, cd["pump_efficiency"], cd["motor_efficiency"],
                                          cd["drive_efficiency"])
        # CDU: sized at full load for the design approach; rated at the actual load
        c_hot = rho_cp * v_hall
        q_d = q_liq_d * n + pump
        c_cold = q_d / cd["dt_fws"]
        t_fws_d = t_sup - cd["approach"]
        ua = _hx.ua_for_duty.si(_hx.PLATE, q_d, t_sup + q_d / c_hot, t_fws_d, c_hot, c_cold)
        cmin = np.minimum(c_hot, c_cold)
        eps = _hx.PLATE.effectiveness_si(ua / cmin, cmin / np.maximum(c_hot, c_cold))
        q_fw = q_liq * n + pump
        t_fws = t_sup + q_fw / c_hot - q_fw / (eps * cmin)
        t_fwr = t_fws + q_fw / c_cold
        # air side: two passes of the inlet-temperature / fan fixed point
        props = getattr(self.air_side, "air_properties_si", None)
        if callable(props):  # the air side's own supply-air state
            rho_a, cp_a = props(site)
            v_full = p_max / (rho_a * cp_a * si["it_dt"])
        else:  # dry air at 25 degC and the site pressure
            v_full = _hb.air_volumetric_flow_for_heat.si(p_max, si["it_dt"], 298.15, site.pressure, 0.0)
        a_flow = np.maximum(air_share, FAN_MIN_FLOW) / max(s["native_air_share"], FAN_MIN_FLOW)
        a_des = np.maximum(1.0 - phi, FAN_MIN_FLOW) / max(s["native_air_share"], FAN_MIN_FLOW)
        design = {}
        if si["design_kw"]:  # size the cooling units at full load, as the forced-air component does
            design = dict(design_heat_to_air=(p_max - fan_ref + fan_ref * a_des**3 - q_liq_d) * n,
                          design_it_airflow=v_full * a_des * n)
        t_in, t_prev, fans = None, None, None
        for _ in range(2):
            if t_in is None:
                fans, speed = fan_ref * a_flow**3, 1.0
            else:
                fans = _server_fans(srv, t_in, air_share)
                speed = np.cbrt(fans / (fan_ref * a_flow**3)) if fan_ref > 0 else 1.0
            heat_air = (compute + fans - q_liq) * n
            it_airflow = v_full * a_flow * speed * n
            air = self.air_side.evaluate_si(heat_air, it_airflow, site, **design)
            t_prev, t_in = t_in, np.asarray(air.inlet_temperature, dtype=np.float64)
        it_power = (compute + fans) * n
        heat_liquid = q_liq * n
        # feasibility
        room_dp = air.details.get("room_dew_point", (site.dew_point, "K"))[0] if isinstance(air.details, dict) \
            else site.dew_point
        ok_j, dew = t_j <= si["tj_max"], room_dp + si["dew_margin"]
        ok_dew, ok_flow, ok_in = t_sup >= dew, cp_.in_range_si(v_gpu), _fan_speed_ok(srv, t_prev)
        lo_in, hi_in = srv._si["inlet_min"], srv._si["inlet_max"]
        why_j = _reason(ok_j, "GPU junction above its limit ({1} degC): {0} degC", t_j - si["tj_max"], t_j,
                        si["tj_max"])
        why_dew = _reason(ok_dew, "TCS supply below the room dew point + margin (condensation): supply {0} degC, "
                          "dew point + margin {1} degC", dew - t_sup, t_sup, dew)
        why_in = _reason(ok_in, f"IT inlet outside the allowed range of '{srv.name}' " + "({1} to {2} degC): {0} degC",
                         np.maximum(lo_in - t_prev, t_prev - hi_in), t_prev, lo_in, hi_in)
        feas = (air.feasibility & Feasibility.check(ok_j, why_j) & Feasibility.check(ok_dew, why_dew)
                & Feasibility.check(ok_flow, "" if np.all(ok_flow) else cp_.flow_reason_si(v_gpu))
                & Feasibility.check(ok_in, why_in))
        if si["class_max"] is not None:
            ok_fw = t_fws >= si["class_max"] - 1e-9
            feas = feas & Feasibility.check(ok_fw, _reason(
                ok_fw, f"facility water of class {self.facility_class} is warmer than the design accepts: the "
                "class allows up to {0} degC, the CDU needs {1} degC", si["class_max"] - t_fws, si["class_max"], t_fws))
        shape = np.broadcast_shapes(*(np.shape(x) for x in (it_power, heat_air, t_j, t_fws, pump, air.inlet_temperature,
                                                            air.fan_power, feas.feasible)))
        b = (lambda x: _bc(x, shape))  # noqa: E731
        feas = Feasibility(np.broadcast_to(feas.feasible, shape), feas.reasons)
        fw = HeatStream(b(heat_liquid + pump), b(t_fws), b(t_fwr), "facility water to CDUs", Circuit.FACILITY_WATER)
        per_kw = v_hall / (q_liq_d * n) * 1000.0
        details = {
            "liquid_share": (b(phi), "-"),
            "w_class": (np.broadcast_to(liquid_class_for_supply.si(t_fws_d), shape), "-"),
            "design_facility_supply": (b(t_fws_d), "K"),
            "cdu_ua": (b(ua), "W/K"),
            "cdu_effectiveness": (b(eps), "-"),
            "cdu_ntu": (b(ua / cmin), "-"),
            "cdu_approach": (b(t_sup - t_fws), "K"),
            "tcs_return_temperature": (b(t_sup + q_fw / c_hot), "K"),
            "loop_pressure_drop": (b(dp_loop), "Pa"),
            "cold_plate_pressure_drop": (b(dp_plate), "Pa"),
            "flow_per_kw": (b(per_kw), "m**3/s/kW"),
            "flow_per_server": (b(v_srv), "m**3/s"),
            "flow_per_rack": (b(v_srv * it_load.servers_per_rack), "m**3/s"),
            "gpu_plate_flow": (b(v_gpu), "m**3/s"),
            "gpu_case_temperature": (b(t_case), "K"),
            "inlet_iteration_change": (b(np.abs(t_in - t_prev)), "K"),
        }
        for k, v in (air.details.items() if isinstance(air.details, dict) else ()):
            details.setdefault(f"air_{k}", v)
        return CaptureResult(
            kind="direct_to_chip", it_power=b(it_power), server_fan_power=b(fans * n), compute_power=b(compute * n),
            heat_to_air=b(heat_air), heat_to_liquid=b(heat_liquid), it_airflow=b(it_airflow),
            cooling_airflow=b(air.cooling_airflow), air_mover_power=b(air.fan_power), coolant_flow=b(v_hall),
            pump_power=b(pump), max_device_temperature=b(t_j), it_inlet_temperature=b(air.inlet_temperature),
            sound_power_level=None if air.sound_power_level is None else b(air.sound_power_level),
            streams=(air.stream, fw), feasibility=feas, details=details, coolant_pressure_drop=b(dp_loop),
        )

    def capture(self, it_load, utilisation=1.0, site=None):
        """Unit-aware wrapper of :meth:`capture_si`; returns the same :class:`CaptureResult` (SI values).

        Parameters
        ----------
        it_load : coolsim.it_equipment.ITLoad
            The hall [-].
        utilisation : float or array_like
            Utilisation in [0, 1] [-].
        site : coolsim.site.Site, optional
            Default the Northern Virginia design point [-].
        """
        from ..site import design_site

        site = design_site("sterling-va") if site is None else site
        return self.capture_si(it_load, FRACTION.check(utilisation, "utilisation"), site.si)
