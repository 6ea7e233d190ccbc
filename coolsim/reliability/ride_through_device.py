"""Device ride-through: a GPU and its cold plate after the coolant flow stops.

The device, its cold plate and the coolant held in the plate form one lumped
heat capacity.  Without a path to a sink it heats adiabatically — seconds for a
700 W GPU; with a residual resistance to a constant-temperature sink it
approaches :math:`T_s + PR` with the time constant :math:`RC`.  Valid for a
Biot number below ~0.1.

References
----------
.. [1] T. L. Bergman, A. S. Lavine, F. P. Incropera, D. P. DeWitt, *Fundamentals
   of Heat and Mass Transfer*, 7th ed., Wiley, 2011, §5.1–5.3, eq. 5.7 and
   Table A.1 (copper cp 385 J/(kg·K)).
"""

from __future__ import annotations

import numpy as np

from coolsim.units import HEAT_CAPACITY, POWER, THERMAL_RESISTANCE, TIME, quantity_io

from .ride_through_lumped import _POS_T, _out, _require_rise

__all__ = [
    "DEFAULT_DEVICE_HEAT_CAPACITY",
    "device_ride_through",
    "device_time_constant",
    "lumped_time_to_limit",
]

DEFAULT_DEVICE_HEAT_CAPACITY = 400.0
"""Heat capacity of a GPU with its cold plate [J/K] — assumption: 0.5 kg of copper
(cp 385 J/(kg·K), Bergman et al. 2011, Table A.1) plus 0.05 kg of water held in the
plate (4180 J/(kg·K)), ≈ 400 J/K; the die and package add little."""


@quantity_io(
    returns=TIME,
    power=POWER.positive(),
    initial_temperature=_POS_T,
    limit_temperature=_POS_T,
    heat_capacity=HEAT_CAPACITY.positive(),
)
def device_ride_through(power, initial_temperature, limit_temperature, heat_capacity=DEFAULT_DEVICE_HEAT_CAPACITY):
    """Time until a GPU reaches its limit after the coolant flow through its cold plate stops.

    Parameters
    ----------
    power : pint.Quantity
        Device power while it keeps running [W].
    initial_temperature : pint.Quantity
        Device (junction or case) temperature when the flow stops [K].
    limit_temperature : pint.Quantity
        Throttle or shutdown temperature of the same point [K].
    heat_capacity : pint.Quantity, optional
        Lumped heat capacity of device, cold plate and the coolant held in it;
        default 400 J/K (assumption, see ``DEFAULT_DEVICE_HEAT_CAPACITY``) [J/K].

    Returns
    -------
    pint.Quantity
        Ride-through time [s].

    Notes
    -----
    Adiabatic: :math:`t = C (T_l - T_0)/P`.  The junction-to-cold-plate drop
    :math:`P R_{jc}` is the same before and after, so junction temperatures can
    be used directly.  Seconds for a 700 W GPU: the loop must keep flowing.
    For a residual path to a sink use :func:`lumped_time_to_limit`.

    References
    ----------
    .. [1] Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed.,
       2011, §5.3 and Table A.1 (copper cp 385 J/(kg·K)).

    Examples
    --------
    >>> from coolsim import Q_
    >>> device_ride_through(Q_(700, "W"), Q_(65, "degC"), Q_(90, "degC")).to("s")
    <Quantity(14.2857143, 'second')>
    """
    _require_rise(initial_temperature, limit_temperature)
    return heat_capacity * (limit_temperature - initial_temperature) / power


@quantity_io(returns=TIME, heat_capacity=HEAT_CAPACITY.positive(), thermal_resistance=THERMAL_RESISTANCE.positive())
def device_time_constant(heat_capacity, thermal_resistance):
    """Thermal time constant of a lumped device, :math:`\\tau = R C`.

    Parameters
    ----------
    heat_capacity : pint.Quantity
        Lumped heat capacity [J/K].
    thermal_resistance : pint.Quantity
        Resistance from the lump to its sink (to the coolant while it flows; to
        stagnant fluid and surroundings once it stops, which makes τ long and
        the response almost adiabatic) [K/W].

    Returns
    -------
    pint.Quantity
        Time constant [s].

    Notes
    -----
    Valid for a Biot number below ~0.1 (Bergman et al. 2011, §5.2).

    References
    ----------
    .. [1] Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., 2011, eq. 5.7.

    Examples
    --------
    >>> from coolsim import Q_
    >>> device_time_constant(Q_(400, "J/K"), Q_(0.02, "K/W")).to("s")
    <Quantity(8.0, 'second')>
    """
    return heat_capacity * thermal_resistance


@quantity_io(
    returns=TIME,
    power=POWER.positive(),
    heat_capacity=HEAT_CAPACITY.positive(),
    thermal_resistance=THERMAL_RESISTANCE.positive(),
    sink_temperature=_POS_T,
    initial_temperature=_POS_T,
    limit_temperature=_POS_T,
)
def lumped_time_to_limit(
    power, heat_capacity, thermal_resistance, sink_temperature, initial_temperature, limit_temperature
):
    """Time for a lumped mass with a residual path to a sink to reach a limit.

    Parameters
    ----------
    power : pint.Quantity
        Heat generated in the mass [W].
    heat_capacity : pint.Quantity
        Lumped heat capacity [J/K].
    thermal_resistance : pint.Quantity
        Resistance from the mass to the sink that remains [K/W].
    sink_temperature : pint.Quantity
        Sink temperature, held constant [K].
    initial_temperature : pint.Quantity
        Temperature of the mass at t = 0 [K].
    limit_temperature : pint.Quantity
        Limit [K], above the initial temperature.

    Returns
    -------
    pint.Quantity
        Time [s]; ``inf`` where the steady temperature
        :math:`T_\\infty = T_s + P R` does not exceed the limit.

    Notes
    -----
    :math:`C\\,dT/dt = P - (T - T_s)/R` gives
    :math:`T(t) = T_\\infty + (T_0 - T_\\infty) e^{-t/RC}`, so
    :math:`t = RC \\ln[(T_\\infty - T_0)/(T_\\infty - T_l)]`.  Tends to
    :func:`device_ride_through` as :math:`R \\to \\infty`.

    References
    ----------
    .. [1] Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., 2011, §5.3.

    Examples
    --------
    >>> from coolsim import Q_
    >>> t = lumped_time_to_limit(Q_(700, "W"), Q_(400, "J/K"), Q_(0.1, "K/W"),
    ...                          Q_(40, "degC"), Q_(65, "degC"), Q_(90, "degC"))
    >>> round(float(t.to("s").m), 2)
    32.44
    """
    _require_rise(initial_temperature, limit_temperature)
    t_inf = sink_temperature + power * thermal_resistance
    reached = t_inf > limit_temperature
    ratio = np.where(reached, (t_inf - initial_temperature) / np.where(reached, t_inf - limit_temperature, 1.0), 1.0)
    return _out(np.where(reached, heat_capacity * thermal_resistance * np.log(ratio), np.inf))
