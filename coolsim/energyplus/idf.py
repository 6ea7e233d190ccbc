"""One description, two simulators: an EnergyPlus input written from a coolsim forced-air case.

:func:`matched_case` reads a coolsim :class:`~coolsim.chain.CoolingChain` (a
:class:`~coolsim.capture.air.ForcedAir` capture and a chilled-water plant with a cooling tower
and an :class:`~coolsim.rejection.EIRChiller`), an :class:`~coolsim.it_equipment.ITLoad`, a
utilisation and the design site, and returns an :class:`EnergyPlusCase`: the numbers both
simulators share.  :func:`write_idf` turns that case into a complete EnergyPlus input
(``Version`` 25.2) written by coolsim itself:

* one adiabatic zone (no envelope load, as coolsim's hall) holding an
  ``ElectricEquipment:ITE:AirCooled`` made with :meth:`AirCooledITE.from_server` (UPS and PDU
  folded into its power-supply curve, losses rejected outside the zone, as coolsim assumes);
* a CRAH as an air loop: ``Coil:Cooling:Water`` then ``Fan:VariableVolume`` (draw-through, as
  coolsim's units), cube-law fan (coolsim's units on a pure-resistance system), supply air at
  coolsim's supply temperature, a VAV terminal, the zone held at coolsim's return temperature;
* a chilled-water loop (variable-speed pump, ``Chiller:Electric:EIR`` with the chain's curves)
  at coolsim's chilled-water supply temperature; the chiller takes the flow the coil draws
  (``NotModulated``), so the pump moves the coil's water and nothing through the bypass, as
  coolsim's loop flow follows the load;
* both plant loops with a fluid volume of :data:`LOOP_RESIDENCE_TIME` of design flow: with
  EnergyPlus' autocalculated volume (residence time shorter than the 15-min HVAC step) the
  coil's water side gained 3-7 % more heat than its air side gave up, an artefact that
  vanishes (balance within 0.1 %) once the residence time spans two steps;
* a condenser loop (pump, ``CoolingTower:VariableSpeed``, YorkCalc, design wet bulb the site's
  but at least 20 °C, the YorkCalc model's lower limit) whose setpoint follows the
  outdoor wet bulb plus the tower approach, never below chilled water + the plant's minimum lift;
* lighting as electric equipment whose heat is lost (coolsim keeps lighting out of the loops);
* weather-file run period, ``Output:SQLite`` and run-period energy variables.

References
----------
.. [1] U.S. DOE, *EnergyPlus Input Output Reference*, version 25.2 (objects named above),
   https://energyplus.net/documentation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..capture.air import ForcedAir
from ..chain import CoolingChain, default_electrical
from ..errors import OutOfRangeError
from ..plant import _CP_W, _RHO_W
from ..rejection import CoolingTower, EIRChiller
from ..units import FRACTION, Q_, to_si
from .ite import AirCooledITE, ITECurve

__all__ = ["EnergyPlusCase", "matched_case", "write_idf", "REPORTED_VARIABLES", "BALANCE_VARIABLES",
           "LOOP_RESIDENCE_TIME"]

ENERGYPLUS_VERSION = "25.2"
#: Run-period energy variables read back (key ``*``), by coolsim component.
REPORTED_VARIABLES = {
    "it_cpu": "ITE CPU Electricity Energy",
    "server_fans": "ITE Fan Electricity Energy",
    "ups": "ITE UPS Electricity Energy",
    "crah_fans": "Fan Electricity Energy",
    "chiller": "Chiller Electricity Energy",
    "tower": "Cooling Tower Fan Electricity Energy",
    "pumps": "Pump Electricity Energy",
    "lighting": "Electric Equipment Electricity Energy",
}
#: Run-period heat-balance variables read back (key ``*`` or the named node/object) for the checks of
#: ``docs/validation.md``: coil air side (total = sensible: no latent load), chiller evaporator, pump heat
#: to the water, the coil's and the pump's water flows (averages) and the hall's humidity ratio.
BALANCE_VARIABLES = (
    ("*", "Cooling Coil Total Cooling Energy"), ("*", "Cooling Coil Sensible Cooling Energy"),
    ("*", "Chiller Evaporator Cooling Energy"), ("*", "Chiller Condenser Heat Transfer Energy"),
    ("*", "Pump Fluid Heat Gain Energy"), ("*", "Pump Mass Flow Rate"), ("*", "Zone Air Humidity Ratio"),
    ("CRAH Coil Water Inlet", "System Node Mass Flow Rate"),
)
#: Plant-loop fluid volume as seconds of design flow [s]: two HVAC steps at 80 % load and more; see the
#: module docstring (below about one step EnergyPlus' loop capacitance model does not conserve energy here).
LOOP_RESIDENCE_TIME = 3600.0


@dataclass(frozen=True)
class EnergyPlusCase:
    """The figures both simulators share (SI: W, K, m³/s, Pa, kg/kg).

    Built by :func:`matched_case`; every field is documented there.
    """

    name: str
    ite: AirCooledITE
    utilisation: float
    supply_air: float
    coil_leaving_air: float
    zone_setpoint: float
    room_humidity_ratio: float
    crah_max_flow: float
    crah_design_flow: float
    crah_pressure: float
    crah_total_efficiency: float
    crah_motor_efficiency: float
    chw_supply: float
    chw_delta_t: float
    chw_design_flow: float
    chw_pump_head: float
    chw_pump_power: float
    chiller: EIRChiller
    cond_design_flow: float
    cond_pump_head: float
    cond_pump_power: float
    cond_min_setpoint: float
    tower_design_wet_bulb: float
    tower_approach: float
    tower_range: float
    tower_design_heat: float
    tower_fan_power: float
    tower_min_airflow: float
    lighting: float
    floor_area: float


def _std_rho_air(pressure):
    """EnergyPlus' standard air density: dry air at 20 °C and the site's standard pressure [kg/m³]."""
    return pressure / (287.0 * 293.15)


def _ups_curve(electrical, design_it, lo, at):
    """Power-supply efficiency of ITE (η_d, curve) reproducing coolsim's UPS + PDU losses.

    coolsim: loss(P) = PDU(P) + UPS(P + PDU(P)); ITE: P (1 - η_d g(PLR)), PLR = P/P_d.
    g is a cubic least-squares fit on PLR in [lo, 1], weighted at the case's part load ``at`` (the no-load term makes the exact
    efficiency a rational function of PLR, which an EnergyPlus polynomial cannot hold)."""
    plr = np.linspace(lo, 1.0, 200)
    p = plr * design_it
    ups, pdu, _light, _tot, _load = electrical.losses_si(p, 0.0)
    eta = 1.0 - (ups + pdu) / p
    eta_d = float(eta[-1])
    plr, eta = np.append(plr, at), np.append(eta, 1.0 - sum(electrical.losses_si(at * design_it, 0.0)[:2]) / (at * design_it))
    weights = np.append(np.ones(200), 30.0)  # exact enough at the case's own part load
    coef = np.polynomial.polynomial.polyfit(plr, eta / eta_d, 3, w=weights)
    return eta_d, ITECurve(tuple(float(c) for c in coef), (0.0, 1.5), name="coolsim UPS and PDU efficiency fPLR")


def matched_case(chain: CoolingChain, it_load, design_site, utilisation=1.0, name="coolsim hall") -> EnergyPlusCase:
    """The EnergyPlus description of a coolsim forced-air chain with a tower and an EIR chiller.

    Parameters
    ----------
    chain : CoolingChain
        ``ForcedAir`` capture; ``rejection.chilled_water`` a plant with a ``CoolingTower``,
        an ``EIRChiller`` and ``economizer=False`` (EnergyPlus' water-side economizer needs
        a fluid-to-fluid exchanger the written model does not have).
    it_load : ITLoad
        The hall.
    design_site : Site
        Design conditions (the tower's design wet bulb; the design run sizes pumps, coil, tower).
    utilisation : float
        Constant utilisation of the year [-].
    name : str
        Label.

    Returns
    -------
    EnergyPlusCase
    """
    cap_c = chain.capture
    plant = chain.rejection.chilled_water
    if not isinstance(cap_c, ForcedAir):
        raise OutOfRangeError(f"parameter 'chain': capture must be ForcedAir; got {type(cap_c).__name__}")
    if not isinstance(plant.sink, CoolingTower) or not isinstance(plant.chiller, EIRChiller) or plant.economizer:
        raise OutOfRangeError("parameter 'chain': the chilled-water plant must have a CoolingTower, an EIRChiller and "
                              "economizer=False to be written as EnergyPlus input")
    u = float(to_si(utilisation, FRACTION, "utilisation"))
    site = design_site.si
    design = chain.run_si(it_load, site, 1.0)
    cap = design.capture
    d = cap.details
    air = cap_c.air_side
    s_air = air.si
    b, r = s_air["bypass"], s_air["recirculation"]
    rho = d["air_density"][0]
    t_in = float(cap.it_inlet_temperature)
    t_ret = float(d["return_temperature"][0])
    electrical = chain.electrical if chain.electrical is not None else default_electrical(it_load)
    srv = it_load.server
    design_it = srv._si["max_power"] * it_load.server_count
    share = float(srv.power_si(u)) / srv._si["max_power"]
    plr_case = share - srv._si["fan_power_ref"] / srv._si["max_power"] * (1.0 - max(share, 0.2) ** 3)
    eta_d, ups_curve = _ups_curve(electrical, design_it, srv._si["idle_power"] / srv._si["max_power"], plr_case)
    ite = AirCooledITE.from_server(srv, it_load.server_count, Q_(t_in, "K"), recirculation_fraction=r / (1.0 - b),
                                   ups_efficiency=eta_d, ups_curve=ups_curve, it_delta_t=cap_c.si["it_delta_t"])
    cu = air.cooling_unit.si
    n_units = float(d["units_installed"][0])
    rho_std = _std_rho_air(site.pressure)
    # coolsim: P = n P_rated (V/(n V_r))^3 with V at the supply-air density; EnergyPlus: flow fraction
    # on mass at standard density and power V_max dp/eta.  Scale V_max and dp so both agree exactly.
    v_max = n_units * cu["rated_airflow"] * rho / rho_std
    p_rated = float(air.cooling_unit.power_si(cu["rated_airflow"])[0])
    dp = cu["design_pressure"] * rho_std / rho
    stream = cap.streams[0]
    heat = float(stream.heat)
    t_chw = float(stream.supply_temperature)
    dt_chw = cu["chilled_water_delta_t"]
    pumps = plant.pumps._si
    q_chw = heat / (_RHO_W * _CP_W * dt_chw)
    pr = design.rejection.plants[0]
    rejected = float(pr.heat_rejected)
    q_cond = rejected / (_RHO_W * _CP_W * pumps["cond_range"])
    eta_p = pumps["eta"] * pumps["eta_m"]
    lighting = float(electrical.lighting.power_si()) if electrical.lighting is not None else 0.0
    area = float(electrical.lighting._si["floor_area"]) if electrical.lighting is not None else 0.0
    tower = plant.sink._s
    return EnergyPlusCase(
        name=name, ite=ite, utilisation=u, supply_air=s_air["supply_temperature"],
        coil_leaving_air=float(d["coil_leaving_air_temperature"][0]), zone_setpoint=t_ret,
        room_humidity_ratio=float(_humidity(s_air["room_dew_point"], site.pressure)),
        crah_max_flow=v_max, crah_design_flow=float(cap.cooling_airflow) * rho / rho_std, crah_pressure=dp,
        crah_total_efficiency=cu["rated_airflow"] * cu["design_pressure"] / p_rated,
        crah_motor_efficiency=cu["motor_efficiency"],
        chw_supply=t_chw, chw_delta_t=dt_chw, chw_design_flow=q_chw, chw_pump_head=pumps["loop_dp"],
        chw_pump_power=q_chw * pumps["loop_dp"] / eta_p, chiller=plant.chiller,
        cond_design_flow=q_cond, cond_pump_head=pumps["cond_dp"], cond_pump_power=q_cond * pumps["cond_dp"] / eta_p,
        cond_min_setpoint=t_chw + plant._si["lift"], tower_design_wet_bulb=float(site.wet_bulb),
        tower_approach=tower.design_approach, tower_range=pumps["cond_range"], tower_design_heat=rejected,
        tower_fan_power=tower.fan_power_ratio * rejected, tower_min_airflow=tower.min_fan_speed,
        lighting=lighting, floor_area=max(area, 1.0))


def _humidity(dew_point, pressure):
    from .. import psychrometrics as _psy

    return _psy.humidity_ratio_from_dew_point.si(dew_point, pressure)


def _obj(kind, *fields):
    vals = [("" if f is None else (f"{f:.10g}" if isinstance(f, float) else str(f))) for f in fields]
    return f"{kind},\n    " + ",\n    ".join(vals) + ";\n"


def _c(t):
    return t - 273.15


def _curve(c: ITECurve):
    if c.biquadratic:
        lo = c.output_limits or ("", "")
        return _obj("Curve:Biquadratic", c.name, *map(float, c.coefficients), *map(float, c.x_limits),
                    *map(float, c.y_limits), *lo, "Dimensionless", "Temperature", "Dimensionless")
    kind = "Curve:Quadratic" if len(c.coefficients) == 3 else "Curve:Cubic"
    return _obj(kind, c.name, *map(float, c.coefficients), *map(float, c.x_limits))


def _branch(name, *components):
    flat = []
    for comp in components:
        flat.extend(comp)
    return _obj("Branch", name, "", *flat)


def _loop_branches(prefix, equipment, kind):
    """Supply or demand side of a plant loop: inlet branch, equipment branch + bypass, outlet pipe."""
    p = prefix
    out = []
    first = equipment[0] if kind == "pump" else ("Pipe:Adiabatic", f"{p} Inlet Pipe", f"{p} Inlet", f"{p} Inlet Pipe Out")
    out.append(_branch(f"{p} Inlet Branch", first))
    out.append(_branch(f"{p} Equipment Branch", equipment[-1]))
    out.append(_branch(f"{p} Bypass Branch", ("Pipe:Adiabatic", f"{p} Bypass", f"{p} Bypass In", f"{p} Bypass Out")))
    out.append(_branch(f"{p} Outlet Branch", ("Pipe:Adiabatic", f"{p} Outlet Pipe", f"{p} Outlet Pipe In", f"{p} Outlet")))
    out.append(_obj("BranchList", f"{p} Branches", f"{p} Inlet Branch", f"{p} Equipment Branch", f"{p} Bypass Branch",
                    f"{p} Outlet Branch"))
    out.append(_obj("Connector:Splitter", f"{p} Splitter", f"{p} Inlet Branch", f"{p} Equipment Branch",
                    f"{p} Bypass Branch"))
    out.append(_obj("Connector:Mixer", f"{p} Mixer", f"{p} Outlet Branch", f"{p} Equipment Branch", f"{p} Bypass Branch"))
    out.append(_obj("ConnectorList", f"{p} Connectors", "Connector:Splitter", f"{p} Splitter", "Connector:Mixer",
                    f"{p} Mixer"))
    for pipe in ("Inlet Pipe", "Bypass", "Outlet Pipe"):
        if pipe == "Inlet Pipe" and kind == "pump":
            continue
        ins = {"Inlet Pipe": (f"{p} Inlet", f"{p} Inlet Pipe Out"), "Bypass": (f"{p} Bypass In", f"{p} Bypass Out"),
               "Outlet Pipe": (f"{p} Outlet Pipe In", f"{p} Outlet")}[pipe]
        out.append(_obj("Pipe:Adiabatic", f"{p} {pipe}", *ins))
    return out


def write_idf(case: EnergyPlusCase, timesteps_per_hour: int = 4) -> str:
    """A complete EnergyPlus input (IDF text) for a matched case.

    Parameters
    ----------
    case : EnergyPlusCase
        From :func:`matched_case`.
    timesteps_per_hour : int
        Zone time steps per hour; default 4 [-].

    Returns
    -------
    str
        The input file, EnergyPlus version 25.2, weather-file run period.
    """
    c, ite, ch = case, case.ite, case.chiller
    s = ite.si
    o = [f"! EnergyPlus input written by coolsim.energyplus for '{c.name}'\n", _obj("Version", ENERGYPLUS_VERSION),
         _obj("Timestep", int(timesteps_per_hour)),
         _obj("Building", "coolsim hall", 0.0, "City", 0.04, 0.4, "MinimalShadowing", 25, 6),
         _obj("SimulationControl", "No", "No", "No", "No", "Yes", "No", ""),
         _obj("RunPeriod", "Year", 1, 1, "", 12, 31, "", "", "No", "No", "No", "No", "No"),
         _obj("GlobalGeometryRules", "UpperLeftCorner", "CounterClockWise", "Relative"),
         _obj("ScheduleTypeLimits", "Any Number"),
         _obj("Schedule:Constant", "Always On", "Any Number", 1.0),
         _obj("Schedule:Constant", "CPU Loading", "Any Number", c.utilisation),
         _obj("Schedule:Constant", "Supply Air Setpoint", "Any Number", _c(c.supply_air)),
         _obj("Schedule:Constant", "CHW Setpoint", "Any Number", _c(c.chw_supply)),
         _obj("Schedule:Constant", "Zone Cooling Setpoint", "Any Number", _c(c.zone_setpoint)),
         _obj("Schedule:Constant", "Thermostat Type", "Any Number", 2),
         _obj("Material:NoMass", "Adiabatic Layer", "Smooth", 5.0, 0.9, 0.7, 0.7),
         _obj("Construction", "Adiabatic", "Adiabatic Layer")]
    side = max(c.floor_area, 1.0) ** 0.5
    h = 3.0
    o += [_obj("Zone", "Hall", 0.0, 0.0, 0.0, 0.0, 1, 1, h, side * side * h, side * side),
          _obj("Floor:Adiabatic", "Hall Floor", "Adiabatic", "Hall", "", 0.0, 180.0, 0.0, side, 0.0, side, side),
          _obj("Ceiling:Adiabatic", "Hall Ceiling", "Adiabatic", "Hall", "", 0.0, 0.0, 0.0, 0.0, h, side, side)]
    for i, (az, x, y) in enumerate(((180.0, 0.0, 0.0), (90.0, side, 0.0), (0.0, side, side), (270.0, 0.0, side))):
        o.append(_obj("Wall:Adiabatic", f"Hall Wall {i + 1}", "Adiabatic", "Hall", "", az, 90.0, x, y, 0.0, side, h))
    # --- IT equipment ------------------------------------------------------------------------------
    for curve in (ite.cpu_curve, ite.airflow_curve, ite.fan_curve, ite.ups_curve, ite.recirculation_curve):
        o.append(_curve(curve))
    o.append(_obj("ElectricEquipment:ITE:AirCooled", "IT Equipment", "Hall", "FlowFromSystem", "Watts/Unit",
                  s["design_power"], 1, "", "Always On", "CPU Loading", ite.cpu_curve.name, s["fan_power_fraction"],
                  s["flow_per_power"], ite.airflow_curve.name, ite.fan_curve.name, _c(s["design_inlet_temperature"]),
                  "None", "AdjustedSupply", "", "", "Hall Supply Inlet", s["recirculation_fraction"],
                  ite.recirculation_curve.name, s["ups_efficiency"], ite.ups_curve.name, s["ups_loss_to_zone"],
                  "ITE-CPU", "ITE-Fans", "ITE-UPS"))
    o.append(_obj("ElectricEquipment", "Lighting", "Hall", "Always On", "EquipmentLevel", c.lighting, "", "", 0.0, 0.0,
                  1.0, "Lighting"))
    # --- zone HVAC and thermostat ----------------------------------------------------------------
    o += [_obj("ThermostatSetpoint:SingleCooling", "Return Air Setpoint", "Zone Cooling Setpoint"),
          _obj("ZoneControl:Thermostat", "Hall Thermostat", "Hall", "Thermostat Type",
               "ThermostatSetpoint:SingleCooling", "Return Air Setpoint"),
          _obj("ZoneHVAC:EquipmentConnections", "Hall", "Hall Equipment", "Hall Supply Inlet", "", "Hall Air Node",
               "Hall Return Outlet"),
          _obj("ZoneHVAC:EquipmentList", "Hall Equipment", "SequentialLoad", "ZoneHVAC:AirDistributionUnit", "Hall ADU",
               1, 1, "", ""),
          _obj("ZoneHVAC:AirDistributionUnit", "Hall ADU", "Hall Supply Inlet", "AirTerminal:SingleDuct:VAV:NoReheat",
               "Hall VAV"),
          _obj("AirTerminal:SingleDuct:VAV:NoReheat", "Hall VAV", "Always On", "Hall Supply Inlet", "Hall VAV Inlet",
               c.crah_max_flow, "Constant", 0.0),
          _obj("AirLoopHVAC:SupplyPath", "Supply Path", "Zone Supply Inlet", "AirLoopHVAC:ZoneSplitter", "Zone Splitter"),
          _obj("AirLoopHVAC:ZoneSplitter", "Zone Splitter", "Zone Supply Inlet", "Hall VAV Inlet"),
          _obj("AirLoopHVAC:ReturnPath", "Return Path", "Zone Return Outlet", "AirLoopHVAC:ZoneMixer", "Zone Mixer"),
          _obj("AirLoopHVAC:ZoneMixer", "Zone Mixer", "Zone Return Outlet", "Hall Return Outlet")]
    # --- CRAH air loop ------------------------------------------------------------------------------
    q_design = c.crah_design_flow
    o += [_obj("AirLoopHVAC", "CRAH", "CRAH Controllers", "", c.crah_max_flow, "CRAH Branches", "", "CRAH Inlet",
               "Zone Return Outlet", "Zone Supply Inlet", "CRAH Outlet"),
          _obj("AirLoopHVAC:ControllerList", "CRAH Controllers", "Controller:WaterCoil", "CRAH Coil Controller"),
          _obj("Controller:WaterCoil", "CRAH Coil Controller", "Temperature", "Reverse", "Flow", "CRAH Coil Outlet",
               "CRAH Coil Water Inlet", 0.001, c.chw_design_flow * 1.5, 0.0),
          _obj("BranchList", "CRAH Branches", "CRAH Branch"),
          _branch("CRAH Branch", ("Coil:Cooling:Water", "CRAH Coil", "CRAH Inlet", "CRAH Coil Outlet"),
                  ("Fan:VariableVolume", "CRAH Fan", "CRAH Coil Outlet", "CRAH Outlet")),
          _obj("Coil:Cooling:Water", "CRAH Coil", "Always On", c.chw_design_flow, q_design, _c(c.chw_supply),
               _c(c.zone_setpoint), _c(c.coil_leaving_air), c.room_humidity_ratio, c.room_humidity_ratio,
               "CRAH Coil Water Inlet", "CRAH Coil Water Outlet", "CRAH Inlet", "CRAH Coil Outlet", "SimpleAnalysis",
               "CounterFlow", "", c.chw_delta_t),
          _obj("Fan:VariableVolume", "CRAH Fan", "Always On", c.crah_total_efficiency, c.crah_pressure, c.crah_max_flow,
               "Fraction", 0.0, "", c.crah_motor_efficiency, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, "CRAH Coil Outlet",
               "CRAH Outlet", "CRAH Fans"),
          _obj("SetpointManager:Scheduled", "Supply Air Setpoint Manager", "Temperature", "Supply Air Setpoint",
               "CRAH Outlet"),
          _obj("SetpointManager:MixedAir", "Coil Setpoint Manager", "Temperature", "CRAH Outlet", "CRAH Coil Outlet",
               "CRAH Outlet", "CRAH Coil Outlet")]
    # --- chilled-water loop --------------------------------------------------------------------------
    o += [_obj("PlantLoop", "CHW Loop", "Water", "", "CHW Operation", "CHW Supply Outlet", 40.0, 1.0,
               c.chw_design_flow * 1.5, 0.0, c.chw_design_flow * LOOP_RESIDENCE_TIME, "CHW Supply Inlet",
               "CHW Supply Outlet",
               "CHW Supply Branches", "CHW Supply Connectors", "CHW Demand Inlet", "CHW Demand Outlet",
               "CHW Demand Branches", "CHW Demand Connectors", "SequentialLoad", "", "SingleSetpoint"),
          _obj("Pump:VariableSpeed", "CHW Pump", "CHW Supply Inlet", "CHW Pump Outlet", c.chw_design_flow * 1.5,
               c.chw_pump_head, c.chw_pump_power * 1.5, 0.93, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, "Intermittent"),
          _obj("Chiller:Electric:EIR", "Chiller", ch._s.reference_capacity, ch._s.reference_cop,
               _c(ch._s.reference_chw_leaving), _c(ch._s.reference_cond_entering), c.chw_design_flow * 1.5,
               c.cond_design_flow, "Chiller CAPFT", "Chiller EIRFT", "Chiller EIRFPLR", ch._s.min_part_load_ratio,
               ch._s.max_part_load_ratio, 1.0, ch._s.min_unloading_ratio, "Chiller CHW Inlet", "Chiller CHW Outlet",
               "Chiller Cond Inlet", "Chiller Cond Outlet", "WaterCooled", "", 1.0, 2.0, "NotModulated",
               "", "", "", 1.0, "", "", "", "", "", "", "", "ModulatedDeltaTemperature", "", "Condenser Range", 0.05),
          _obj("Schedule:Constant", "Condenser Range", "Any Number", c.tower_range),
          _obj("Curve:Biquadratic", "Chiller CAPFT", *ch.capft.coefficients, ch.capft.x_min, ch.capft.x_max,
               ch.capft.y_min, ch.capft.y_max),
          _obj("Curve:Biquadratic", "Chiller EIRFT", *ch.eirft.coefficients, ch.eirft.x_min, ch.eirft.x_max,
               ch.eirft.y_min, ch.eirft.y_max),
          _obj("Curve:Quadratic", "Chiller EIRFPLR", *ch.eirfplr.coefficients, ch.eirfplr.x_min, ch.eirfplr.x_max),
          _obj("PlantEquipmentOperationSchemes", "CHW Operation", "PlantEquipmentOperation:CoolingLoad", "CHW Scheme",
               "Always On"),
          _obj("PlantEquipmentOperation:CoolingLoad", "CHW Scheme", 0.0, 1e9, "CHW Equipment"),
          _obj("PlantEquipmentList", "CHW Equipment", "Chiller:Electric:EIR", "Chiller"),
          _obj("SetpointManager:Scheduled", "CHW Setpoint Manager", "Temperature", "CHW Setpoint", "CHW Setpoint Nodes"),
          _obj("NodeList", "CHW Setpoint Nodes", "CHW Supply Outlet", "Chiller CHW Outlet")]
    o += _loop_branches("CHW Supply", [("Pump:VariableSpeed", "CHW Pump", "CHW Supply Inlet", "CHW Pump Outlet"),
                                       ("Chiller:Electric:EIR", "Chiller", "Chiller CHW Inlet", "Chiller CHW Outlet")],
                        "pump")
    o += _loop_branches("CHW Demand", [("Coil:Cooling:Water", "CRAH Coil", "CRAH Coil Water Inlet",
                                        "CRAH Coil Water Outlet")], "pipe")
    # --- condenser loop -----------------------------------------------------------------------------
    o += [_obj("CondenserLoop", "Condenser Loop", "Water", "", "Condenser Operation", "Cond Supply Outlet", 80.0, 5.0,
               c.cond_design_flow, 0.0, c.cond_design_flow * LOOP_RESIDENCE_TIME, "Cond Supply Inlet",
               "Cond Supply Outlet",
               "Cond Supply Branches", "Cond Supply Connectors", "Cond Demand Inlet", "Cond Demand Outlet",
               "Cond Demand Branches", "Cond Demand Connectors", "SequentialLoad"),
          _obj("Pump:VariableSpeed", "Condenser Pump", "Cond Supply Inlet", "Cond Pump Outlet", c.cond_design_flow,
               c.cond_pump_head, c.cond_pump_power, 0.93, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, "Intermittent"),
          _obj("CoolingTower:VariableSpeed", "Tower", "Tower Inlet", "Tower Outlet", "YorkCalc", "",
               max(_c(c.tower_design_wet_bulb), 20.0), c.tower_approach, c.tower_range, c.cond_design_flow,
               c.tower_design_heat / 30000.0, c.tower_fan_power, "Tower Fan Curve", c.tower_min_airflow, 0.0),
          _obj("Curve:Cubic", "Tower Fan Curve", 0.0, 0.0, 0.0, 1.0, 0.0, 1.0),
          _obj("CondenserEquipmentOperationSchemes", "Condenser Operation", "PlantEquipmentOperation:CoolingLoad",
               "Tower Scheme", "Always On"),
          _obj("PlantEquipmentOperation:CoolingLoad", "Tower Scheme", 0.0, 1e9, "Tower Equipment"),
          _obj("CondenserEquipmentList", "Tower Equipment", "CoolingTower:VariableSpeed", "Tower"),
          _obj("SetpointManager:FollowOutdoorAirTemperature", "Condenser Setpoint Manager", "Temperature",
               "OutdoorAirWetBulb", c.tower_approach, 80.0, _c(c.cond_min_setpoint), "Cond Supply Outlet")]
    o += _loop_branches("Cond Supply", [("Pump:VariableSpeed", "Condenser Pump", "Cond Supply Inlet", "Cond Pump Outlet"),
                                        ("CoolingTower:VariableSpeed", "Tower", "Tower Inlet", "Tower Outlet")], "pump")
    o += _loop_branches("Cond Demand", [("Chiller:Electric:EIR", "Chiller", "Chiller Cond Inlet", "Chiller Cond Outlet")],
                        "pipe")
    # --- outputs ------------------------------------------------------------------------------------
    o.append(_obj("Output:SQLite", "SimpleAndTabular"))
    o.append(_obj("Output:Table:SummaryReports", "AnnualBuildingUtilityPerformanceSummary"))
    for var in REPORTED_VARIABLES.values():
        o.append(_obj("Output:Variable", "*", var, "RunPeriod"))
    for key, var in BALANCE_VARIABLES:
        o.append(_obj("Output:Variable", key, var, "RunPeriod"))
    o.append(_obj("Output:Meter", "Electricity:Facility", "RunPeriod"))
    return "\n".join(o)
