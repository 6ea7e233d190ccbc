"""GPU servers and racks: a small cited catalogue and the IT-side power models.

* :class:`ServerSpec` — one server (or rack-scale system) with cited specs;
  :func:`by_name` finds a catalogue entry (``"dgx-h100"``, ``"dgx-b200"``,
  ``"gb200-nvl72"``) and suggests the nearest name for a misspelling.
* :func:`server_power` — power from utilisation, linear from idle to maximum.
* :func:`fan_power_vs_inlet` — server fan power, flat up to a knee inlet
  temperature and rising above it.
* :func:`fan_power_with_liquid` — fan power when liquid takes part of the heat.
* :class:`ITLoad` (alias ``Hall``) — server type × servers per rack × racks.

Every figure in the catalogue carries its grade in ``ServerSpec.sources``:
SPEC (vendor or standard document), VENDOR, 2ND (secondary source), derived,
or assumption.  Server fans are part of the server power (IT power in PUE).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import numpy as np

from .errors import OutOfRangeError
from .units import FRACTION, POWER, TEMPERATURE, Q_, quantity_io, to_si

__all__ = [
    "INVERSE_TEMPERATURE_DIFFERENCE",
    "ServerSpec",
    "SERVERS",
    "by_name",
    "server_power",
    "fan_power_vs_inlet",
    "fan_power_with_liquid",
    "ITLoad",
    "Hall",
]

#: Per-kelvin slopes (fan speed rise per K).  Defined here because
#: coolsim.units has no such kind (to be moved there).
from .units import INVERSE_TEMPERATURE_DIFFERENCE  # noqa: E402  (defined in coolsim.units)

#: Fan model defaults.  Knee: the ASHRAE TC 9.9 recommended upper inlet
#: temperature, 27 °C.  Slope: derived (see fan_power_vs_inlet).
FAN_KNEE_K = 300.15
FAN_SPEED_SLOPE = 0.030
#: Minimum fan airflow as a fraction of the full-load all-air airflow
#: (assumption: fans idle at 20-30 % speed; the lower end is used).
FAN_MIN_FLOW = 0.2
#: Inlet range over which the fan curve is used: ASHRAE class A4 allowable, 5-45 °C.
_INLET = TEMPERATURE.between(278.15, 318.15)


@quantity_io(returns=POWER, utilisation=FRACTION, idle_power=POWER.nonnegative(), max_power=POWER.positive())
def server_power(utilisation, idle_power, max_power):
    """Server power at a utilisation, linear from idle to maximum.

    Parameters
    ----------
    utilisation : float or array_like
        Utilisation in [0, 1] [-].
    idle_power : pint.Quantity
        Power at zero utilisation [W].
    max_power : pint.Quantity
        Power at full utilisation [W].

    Returns
    -------
    pint.Quantity
        Server power, fans included [W].

    Raises
    ------
    OutOfRangeError
        If ``idle_power > max_power``, or ``utilisation`` is outside [0, 1].

    Notes
    -----
    :math:`P(u) = P_{idle} + (P_{max} - P_{idle})\\,u`, the linear model that
    fits measured server power to within a few per cent over utilisation
    (Fan, Weber & Barroso 2007; SPECpower_ssj2008 load levels).  Valid for
    :math:`0 \\le u \\le 1`; GPU servers under real training loads rarely
    reach ``max_power``.

    References
    ----------
    .. [1] X. Fan, W.-D. Weber, L. A. Barroso, "Power Provisioning for a
       Warehouse-sized Computer", ISCA 2007, doi:10.1145/1250662.1250665.
    .. [2] L. A. Barroso, U. Hölzle, P. Ranganathan, "The Datacenter as a
       Computer", 3rd ed., Morgan & Claypool (2018), ch. 5.
    .. [3] SPEC, SPECpower_ssj2008 benchmark (power at 10 % load steps).

    Examples
    --------
    >>> from coolsim import Q_
    >>> server_power(0.5, Q_(2.55, "kW"), Q_(10.2, "kW")).to("kW")
    <Quantity(6.375, 'kilowatt')>
    """
    if np.any(np.asarray(idle_power > max_power)):
        raise OutOfRangeError(
            f"parameter 'idle_power' must be <= 'max_power'; got {float(np.max(idle_power))!r} W "
            f"> {float(np.min(max_power))!r} W"
        )
    return idle_power + (max_power - idle_power) * utilisation


@quantity_io(
    returns=POWER,
    inlet_temperature=_INLET,
    fan_power_ref=POWER.nonnegative(),
    knee_temperature=_INLET,
    speed_slope=INVERSE_TEMPERATURE_DIFFERENCE.nonnegative(),
)
def fan_power_vs_inlet(inlet_temperature, fan_power_ref, knee_temperature=FAN_KNEE_K, speed_slope=FAN_SPEED_SLOPE):
    """Server fan power at an inlet air temperature.

    Parameters
    ----------
    inlet_temperature : pint.Quantity
        Server inlet air temperature, 5-45 °C [K].
    fan_power_ref : pint.Quantity
        Fan power at or below the knee temperature [W].
    knee_temperature : pint.Quantity, optional
        Inlet temperature above which the fans speed up (default 27 °C, the
        ASHRAE recommended upper limit; model choice) [K].
    speed_slope : pint.Quantity, optional
        Relative fan-speed rise per kelvin above the knee (default 0.030 /K,
        derived, see Notes) [1/K].

    Returns
    -------
    pint.Quantity
        Fan power [W].

    Notes
    -----
    Fan speed is flat up to the knee and rises linearly above it; fan power
    follows the cube of speed (fan affinity laws at a fixed system curve):

    .. math:: s = 1 + b\\,\\max(T_{in} - T_{knee}, 0), \\qquad P = P_{ref}\\,s^3.

    Calibration: a measured 1U server (Dell R410, GRC 2016; VENDOR grade) drew
    137.7 W at 27 °C and 139.4/141.5/144.0/148.4/154.0 W at 29/31/33/35/37 °C
    (+12 % at 37 °C).  A least-squares fit of this curve gives
    :math:`b = 0.138` /K with a fan share of 0.94 % at the knee (a lightly
    loaded server with fans near idle) and reproduces every point within
    0.25 percentage points.  For a
    loaded GPU server with a 10 % fan share, the default :math:`b = 0.030` /K
    keeps the same +12 % total-power rise over 27-37 °C
    (:math:`0.10\\,((1 + 10b)^3 - 1) = 0.12`); it is a derived default, not a
    measurement of a GPU server.  A field study in two colocation halls found
    0.35-0.5 %/K over 23-30 °C (Coroamă 2025), the same order.  Leakage-power
    rise with temperature is not modelled separately (it is folded into the
    calibration).  Valid for 5-45 °C inlet and within the server's own
    allowed range.

    References
    ----------
    .. [1] A. McManis, "Experiment: Temperature Set Point vs Server Fan Power",
       GRC blog (17 June 2016), Table 1.
    .. [2] V. C. Coroamă, "Temperature Optimisation in Data Centres",
       arXiv:2509.26163 (2025).
    .. [3] ASHRAE TC 9.9, Thermal Guidelines for Data Processing Environments,
       5th ed. (2021): recommended inlet 18-27 °C.

    Examples
    --------
    >>> from coolsim import Q_
    >>> fan_power_vs_inlet(Q_(37, "degC"), Q_(1, "kW")).to("kW")
    <Quantity(2.197, 'kilowatt')>
    """
    s = 1.0 + speed_slope * np.maximum(inlet_temperature - knee_temperature, 0.0)
    out = fan_power_ref * s * s * s
    return float(out) if np.ndim(out) == 0 else out


@quantity_io(returns=POWER, fan_power_air=POWER.nonnegative(), air_share=FRACTION, min_flow_fraction=FRACTION)
def fan_power_with_liquid(fan_power_air, air_share, min_flow_fraction=FAN_MIN_FLOW):
    """Server fan power when only a share of the heat leaves by air.

    Parameters
    ----------
    fan_power_air : pint.Quantity
        Fan power of the same server, fully air-cooled at full load [W].
    air_share : float or array_like
        Air-side heat as a fraction of the full-load heat, in [0, 1]; covers
        both liquid capture (``1 - captured``) and part load [-].
    min_flow_fraction : float, optional
        Floor on the airflow fraction for the residual air-cooled parts and
        the fans' minimum speed (default 0.2, assumption) [-].

    Returns
    -------
    pint.Quantity
        Fan power [W].

    Notes
    -----
    Model choice: at a fixed air temperature rise the airflow scales with the
    air-side heat, and fan power with airflow cubed (affinity laws at a fixed
    system curve), with a floor on the airflow:

    .. math:: P = P_{air}\\,\\max(a, a_{min})^3.

    Fixed-geometry approximation: a real liquid-cooled tray is redesigned
    with fewer, smaller fans, so this is a trend, not a product figure.

    References
    ----------
    .. [1] F. P. Bleier, Fan Handbook: Selection, Application and Design,
       McGraw-Hill (1998), fan laws.
    .. [2] AMCA Publication 201, Fans and Systems, fan laws.

    Examples
    --------
    >>> from coolsim import Q_
    >>> fan_power_with_liquid(Q_(1000, "W"), 0.5)
    <Quantity(125.0, 'watt')>
    """
    a = np.maximum(air_share, min_flow_fraction)
    out = fan_power_air * a * a * a
    return float(out) if np.ndim(out) == 0 else out


def _int_at_least(value, lo, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < lo:
        raise OutOfRangeError(f"parameter '{name}' must be an integer >= {lo}; got {value!r}")
    return int(value)


@dataclass(frozen=True)
class ServerSpec:
    """One GPU server (or rack-scale system) with cited specifications.

    Power fields are Quantities (W), temperatures absolute Quantities.
    ``liquid_capturable_fraction`` is the share of server power that cold
    plates can take (GPUs and CPUs, plus other plated parts for rack-scale
    liquid designs); ``native_air_share`` is the air-side share of the heat
    as delivered (1 for an air-cooled server).  ``sources`` grades every
    figure.
    """

    name: str
    gpu_count: int
    gpu_tdp: object
    cpu_power: object
    max_power: object
    idle_power: object
    units_per_rack: int
    fan_power_ref: object
    liquid_capturable_fraction: float
    inlet_min: object
    inlet_max: object
    native_air_share: float = 1.0
    rack_units: int | None = None
    fan_knee_temperature: object = None
    fan_speed_slope: object = None
    cooling: str = "air"
    sources: str = ""
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        si = self._si
        _int_at_least(self.gpu_count, 0, "gpu_count")
        _int_at_least(self.units_per_rack, 1, "units_per_rack")
        for name, spec in (
            ("gpu_tdp", POWER.nonnegative()),
            ("cpu_power", POWER.nonnegative()),
            ("max_power", POWER.positive()),
            ("idle_power", POWER.nonnegative()),
            ("fan_power_ref", POWER.nonnegative()),
            ("liquid_capturable_fraction", FRACTION),
            ("native_air_share", FRACTION),
            ("inlet_min", TEMPERATURE.any()),
            ("inlet_max", TEMPERATURE.any()),
        ):
            si[name] = to_si(getattr(self, name), spec, name)
        knee = Q_(FAN_KNEE_K, "K") if self.fan_knee_temperature is None else self.fan_knee_temperature
        slope = Q_(FAN_SPEED_SLOPE, "1/K") if self.fan_speed_slope is None else self.fan_speed_slope
        si["fan_knee_temperature"] = to_si(knee, _INLET, "fan_knee_temperature")
        si["fan_speed_slope"] = to_si(slope, INVERSE_TEMPERATURE_DIFFERENCE.nonnegative(), "fan_speed_slope")
        if si["idle_power"] > si["max_power"]:
            raise OutOfRangeError(f"parameter 'idle_power' must be <= max_power ({si['max_power']} W); got {si['idle_power']} W")
        if si["fan_power_ref"] >= si["max_power"]:
            raise OutOfRangeError(f"parameter 'fan_power_ref' must be < max_power ({si['max_power']} W); got {si['fan_power_ref']} W")
        chips = self.gpu_count * si["gpu_tdp"] + si["cpu_power"]
        if chips > si["max_power"]:
            raise OutOfRangeError(
                f"parameters 'gpu_count' x 'gpu_tdp' + 'cpu_power' ({chips} W) must be <= max_power ({si['max_power']} W)"
            )
        if not si["inlet_min"] < si["inlet_max"]:
            raise OutOfRangeError(f"parameter 'inlet_min' must be < inlet_max; got {si['inlet_min']} K >= {si['inlet_max']} K")

    # -- derived figures ---------------------------------------------------------
    @property
    def chip_power_share(self) -> float:
        """Share of max power dissipated in GPUs and CPUs at their TDP [-] (derived)."""
        return (self.gpu_count * self._si["gpu_tdp"] + self._si["cpu_power"]) / self._si["max_power"]

    @property
    def rack_power(self):
        """Maximum power of a rack at ``units_per_rack`` [W]."""
        return POWER.quantity(self.units_per_rack * self._si["max_power"])

    # -- models ------------------------------------------------------------------
    def power_si(self, utilisation):
        """Server power [W] at ``utilisation`` [-] (SI core of :meth:`power`)."""
        return server_power.si(FRACTION.check(utilisation, "utilisation"), self._si["idle_power"], self._si["max_power"])

    def power(self, utilisation):
        """Server power at ``utilisation`` in [0, 1] (see :func:`server_power`) [W].

        Examples
        --------
        >>> by_name("dgx-h100").power(1.0).to("kW")
        <Quantity(10.2, 'kilowatt')>
        """
        return POWER.quantity(self.power_si(utilisation))

    def fan_power_si(self, inlet_temperature, air_share=None):
        """Fan power [W] at an inlet temperature [K] and air-side heat share [-] (SI core)."""
        s = self._si
        t = _INLET.check(inlet_temperature, "inlet_temperature")
        bad = np.asarray((t < s["inlet_min"]) | (t > s["inlet_max"]))
        if bad.any():
            raise OutOfRangeError(
                f"parameter 'inlet_temperature' is outside the allowed inlet range of '{self.name}' "
                f"({s['inlet_min'] - 273.15:g}-{s['inlet_max'] - 273.15:g} degC); got "
                f"{float(np.ravel(np.broadcast_to(t, bad.shape))[int(np.argmax(bad.ravel()))]) - 273.15:.4g} degC"
            )
        p = fan_power_vs_inlet.si(t, s["fan_power_ref"], s["fan_knee_temperature"], s["fan_speed_slope"])
        if air_share is None:
            return p
        a = FRACTION.check(air_share, "air_share")
        ref = max(s["native_air_share"], FAN_MIN_FLOW)
        return p * (np.maximum(a, FAN_MIN_FLOW) / ref) ** 3

    def fan_power(self, inlet_temperature, air_share=None):
        """Fan power at an inlet temperature and, optionally, an air-side heat share [W].

        ``air_share`` is the air-side heat relative to the full-load heat;
        ``None`` keeps the server's native share.  Combines
        :func:`fan_power_vs_inlet` with :func:`fan_power_with_liquid` scaled
        to the native share.

        Examples
        --------
        >>> from coolsim import Q_
        >>> by_name("dgx-h100").fan_power(Q_(25, "degC")).to("kW")
        <Quantity(1.02, 'kilowatt')>
        """
        t = to_si(inlet_temperature, TEMPERATURE.any(), "inlet_temperature")
        return POWER.quantity(self.fan_power_si(t, air_share))


_C = lambda c: Q_(c + 273.15, "K")  # noqa: E731  (absolute temperature from degC, no offset arithmetic)

SERVERS: dict[str, ServerSpec] = {
    s.name: s
    for s in (
        ServerSpec(
            name="dgx-h100",
            gpu_count=8,
            gpu_tdp=Q_(700, "W"),
            cpu_power=Q_(700, "W"),
            max_power=Q_(10.2, "kW"),
            idle_power=Q_(2.55, "kW"),
            units_per_rack=4,
            rack_units=8,
            fan_power_ref=Q_(1.02, "kW"),
            liquid_capturable_fraction=(8 * 700 + 700) / 10200,
            inlet_min=_C(10.0),
            inlet_max=_C(30.0),
            cooling="air",
            sources=(
                "GPU TDP 700 W: NVIDIA H100 SXM datasheet (SPEC). Max 10.2 kW, 6 x 3.3 kW PSUs (4+2), 8U: "
                "NVIDIA DGX H100/H200 User Guide, power specifications (SPEC via 2ND). 4 per rack (40.8 kW): "
                "NVIDIA DGX SuperPOD H100 data-centre design guide (2ND). CPU 2 x 350 W: Intel Xeon Platinum "
                "8480C, TDP of the 8480+ (2ND). Idle 25 % of max: assumption. Fans 10 % of max at <= 27 degC: "
                "assumption (10-15 % is a 2ND figure for older CPU servers; no DGX fan power is published; "
                "compare the air- vs liquid-cooled HGX H100 node power in Latif et al., arXiv:2507.16781, 2025). "
                "Capturable share = chip share (GPUs + CPUs) of max: derived. Inlet 10-30 degC: sources conflict "
                "(5-30 vs 10-35 degC, unverified); the intersection is used."
            ),
        ),
        ServerSpec(
            name="dgx-b200",
            gpu_count=8,
            gpu_tdp=Q_(1000, "W"),
            cpu_power=Q_(700, "W"),
            max_power=Q_(14.3, "kW"),
            idle_power=Q_(3.575, "kW"),
            units_per_rack=4,
            rack_units=10,
            fan_power_ref=Q_(1.43, "kW"),
            liquid_capturable_fraction=(8 * 1000 + 700) / 14300,
            inlet_min=_C(10.0),
            inlet_max=_C(35.0),
            cooling="air",
            sources=(
                "Max 14.3 kW, 6 x 3.3 kW PSUs (5+1), 10U, 2 x Xeon 8570: NVIDIA DGX B200 User Guide, "
                "Introduction (SPEC). GPU 1,000 W: NVIDIA Blackwell datasheet, HGX B200 (2ND). CPU 2 x 350 W: "
                "Xeon Platinum 8570 TDP (2ND). 4 per rack: assumption. Idle 25 %: assumption. Fans 10 % of "
                "max: assumption. Capturable share = chip share: derived. Inlet 10-35 degC (ASHRAE A2 "
                "allowable): assumption, not checked against the user guide."
            ),
        ),
        ServerSpec(
            name="gb200-nvl72",
            gpu_count=72,
            gpu_tdp=Q_(1200, "W"),
            cpu_power=Q_(36 * 300, "W"),
            max_power=Q_(120, "kW"),
            idle_power=Q_(30, "kW"),
            units_per_rack=1,
            rack_units=None,
            fan_power_ref=Q_(2.4, "kW"),
            liquid_capturable_fraction=0.85,
            native_air_share=0.15,
            inlet_min=_C(10.0),
            inlet_max=_C(35.0),
            cooling="liquid-hybrid",
            sources=(
                "18 compute trays (2 Grace CPUs + 4 Blackwell GPUs, cold plates on CPUs and GPUs; networking "
                "and storage air-cooled by fans) + 9 NVLink switch trays: NVIDIA DGX GB200 User Guide, "
                "Hardware (SPEC). Rack ~120 kW: same guide (via 2ND quote); 132 kW (125-135 kW operating) is "
                "quoted by the Supermicro GB200 NVL72 datasheet (VENDOR). GPU up to 1,200 W: NVIDIA Blackwell "
                "datasheet (2ND). Grace ~300 W incl. memory: derived from a 2.7 kW GB200 superchip (2ND). "
                "Chip share 97.2/120 = 0.81; capturable share 0.85, low end of the 0.85-0.95 band (derived, "
                "2ND: other plated parts). Idle 25 %, fans 2 % of max, inlet 10-35 degC: assumptions."
            ),
        ),
    )
}


def by_name(name: str) -> ServerSpec:
    """Catalogue entry by name (case- and separator-insensitive).

    Parameters
    ----------
    name : str
        ``"dgx-h100"``, ``"dgx-b200"`` or ``"gb200-nvl72"`` [-].

    Returns
    -------
    ServerSpec
        The catalogue entry.

    Raises
    ------
    OutOfRangeError
        For an unknown name, with the closest known name suggested.

    Examples
    --------
    >>> by_name("DGX_H100").max_power.to("kW")
    <Quantity(10.2, 'kilowatt')>
    """
    if not isinstance(name, str):
        raise OutOfRangeError(f"parameter 'name' must be a string; got {type(name).__name__}")
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key in SERVERS:
        return SERVERS[key]
    close = difflib.get_close_matches(key, list(SERVERS), n=1, cutoff=0.5)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise OutOfRangeError(f"parameter 'name': unknown server '{name}'.{hint} Known: {', '.join(SERVERS)}")


@dataclass(frozen=True)
class ITLoad:
    """The IT load of a hall: a server type in racks.

    Parameters
    ----------
    server : ServerSpec or str
        Server type, or its catalogue name.
    racks : int
        Number of racks (>= 1).
    servers_per_rack : int, optional
        Servers per rack (>= 1); the server's ``units_per_rack`` when omitted.

    Examples
    --------
    >>> hall = ITLoad("dgx-h100", racks=250)
    >>> hall.server_count, hall.gpu_count
    (1000, 8000)
    >>> hall.max_power.to("MW")
    <Quantity(10.2, 'megawatt')>
    >>> ITLoad.from_servers("dgx-h100", 2000).racks
    500
    """

    server: object
    racks: int
    servers_per_rack: int | None = None

    @classmethod
    def from_servers(cls, server, servers, servers_per_rack=None) -> "ITLoad":
        """The hall of ``servers`` servers, which must fill whole racks.

        Parameters
        ----------
        server : ServerSpec or str
            Server type, or its catalogue name.
        servers : int
            Number of servers (>= 1) [-].
        servers_per_rack : int, optional
            Servers per rack; the server's ``units_per_rack`` when omitted [-].

        Returns
        -------
        ITLoad
        """
        spec = by_name(server) if isinstance(server, str) else server
        if not isinstance(spec, ServerSpec):
            raise OutOfRangeError(f"parameter 'server' must be a ServerSpec or a catalogue name; got {type(server).__name__}")
        per = spec.units_per_rack if servers_per_rack is None else servers_per_rack
        _int_at_least(servers, 1, "servers")
        _int_at_least(per, 1, "servers_per_rack")
        if servers % per:
            raise OutOfRangeError(f"parameter 'servers': {rack_fit_problem(servers, per)}")
        return cls(spec, racks=servers // per, servers_per_rack=per)


    def __post_init__(self):
        if isinstance(self.server, str):
            object.__setattr__(self, "server", by_name(self.server))
        elif not isinstance(self.server, ServerSpec):
            raise OutOfRangeError(f"parameter 'server' must be a ServerSpec or a catalogue name; got {type(self.server).__name__}")
        _int_at_least(self.racks, 1, "racks")
        if self.servers_per_rack is None:
            object.__setattr__(self, "servers_per_rack", self.server.units_per_rack)
        _int_at_least(self.servers_per_rack, 1, "servers_per_rack")

    @property
    def server_count(self) -> int:
        """Total number of servers."""
        return self.racks * self.servers_per_rack

    @property
    def gpu_count(self) -> int:
        """Total number of GPUs."""
        return self.server_count * self.server.gpu_count

    @property
    def max_power(self):
        """IT power with every server at full utilisation [W]."""
        return POWER.quantity(self.server_count * self.server._si["max_power"])

    def it_power_si(self, utilisation):
        """IT power [W] at ``utilisation`` [-] (SI core of :meth:`it_power`)."""
        return self.server_count * self.server.power_si(utilisation)

    def it_power(self, utilisation):
        """IT power of the hall at a utilisation (scalar or array) [W]."""
        return POWER.quantity(self.it_power_si(utilisation))


def rack_fit_problem(servers: int, per_rack: int) -> str:
    """Why ``servers`` do not fill whole racks of ``per_rack``, and the fix (for messages).

    Parameters
    ----------
    servers : int
        Number of servers [-].
    per_rack : int
        Servers per rack [-].

    Returns
    -------
    str

    Examples
    --------
    >>> rack_fit_problem(601, 4)
    '601 servers do not fill whole racks of 4: use 600 or 604 servers, or set servers_per_rack'
    """
    fewer, more = servers - servers % per_rack, servers - servers % per_rack + per_rack
    counts = f"{fewer} or {more}" if fewer else f"{more}"
    return f"{servers} servers do not fill whole racks of {per_rack}: use {counts} servers, or set servers_per_rack"


#: Alias: a hall described by its IT load.
Hall = ITLoad
