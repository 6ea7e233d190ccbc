"""The ε-NTU method: effectiveness and NTU of an arrangement, rating and sizing.

Holds the unit-aware :func:`effectiveness` and :func:`ntu_from_effectiveness`
(dispatching to a :class:`~coolsim.heat_exchangers.FlowArrangement`), the
capacity rate of a stream from its duty, rating an exchanger of known UA
(:func:`exchanger_duty`: duty and both outlet temperatures) and sizing one
for a duty (:func:`ua_for_duty`).

References: Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed.,
Wiley, 2011, secs. 11.2, 11.4, 11.5, Tables 11.3/11.4; Shah & Sekulić,
*Fundamentals of Heat Exchanger Design*, Wiley, 2003, Table 3.3.
"""

from __future__ import annotations

import numpy as np

from ..errors import InfeasibleError, OutOfRangeError
from ..units import (
    DIMENSIONLESS,
    POWER,
    TEMPERATURE,
    TEMPERATURE_DIFFERENCE,
    THERMAL_CONDUCTANCE,
    quantity_io,
)
from .arrangements import _check_arrangement, _out, _refuse

__all__ = [
    "effectiveness", "ntu_from_effectiveness", "capacity_rate_from_duty", "exchanger_duty", "ua_for_duty",
]  # fmt: skip


@quantity_io(returns=DIMENSIONLESS, ntu=DIMENSIONLESS.nonnegative(), cr=DIMENSIONLESS.between(0.0, 1.0))
def effectiveness(arrangement, ntu, cr):
    """Effectiveness of a two-stream exchanger from NTU and capacity ratio.

    Parameters
    ----------
    arrangement : FlowArrangement
        Flow arrangement, e.g. ``COUNTERFLOW`` or ``CROSSFLOW_CMAX_MIXED`` [-].
    ntu : float or array_like
        Number of transfer units UA/Cmin, ≥ 0 [-].
    cr : float or array_like
        Capacity-rate ratio Cmin/Cmax in [0, 1] [-].

    Returns
    -------
    float or numpy.ndarray
        Effectiveness ε = Q/Q_max [-].

    Notes
    -----
    Incropera Table 11.3 (equation in each arrangement's docstring).  Every
    relation tends to ε = 1 − e^(−NTU) as Cr → 0 and counterflow to
    NTU/(1 + NTU) at Cr = 1; both limits are evaluated exactly.  Valid for
    constant capacity rates and U, no heat loss, no axial conduction.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.4, Table 11.3.
    .. [2] Shah & Sekulić, *Fundamentals of Heat Exchanger Design*, Wiley, 2003, Table 3.3.

    Examples
    --------
    >>> from coolsim.heat_exchangers import COUNTERFLOW, PARALLEL_FLOW
    >>> round(effectiveness(COUNTERFLOW, 5.0, 0.7), 5), round(effectiveness(PARALLEL_FLOW, 5.0, 0.7), 4)
    (0.92067, 0.5881)
    """
    _check_arrangement(arrangement)
    return arrangement.effectiveness_si(ntu, cr)


@quantity_io(
    returns=DIMENSIONLESS, eps=DIMENSIONLESS.between(0.0, 1.0, hi_open=True), cr=DIMENSIONLESS.between(0.0, 1.0)
)
def ntu_from_effectiveness(arrangement, eps, cr):
    """Number of transfer units that gives effectiveness ``eps``.

    Parameters
    ----------
    arrangement : FlowArrangement
        Flow arrangement [-].
    eps : float or array_like
        Effectiveness in [0, 1), below the arrangement's maximum [-].
    cr : float or array_like
        Capacity-rate ratio Cmin/Cmax in [0, 1] [-].

    Returns
    -------
    float or numpy.ndarray
        NTU = UA/Cmin [-].

    Raises
    ------
    InfeasibleError
        If ``eps`` reaches the NTU → ∞ limit: 1/(1 + Cr) for parallel flow,
        (1 − e^(−Cr))/Cr for Cmax mixed and 1 − e^(−1/Cr) for Cmin mixed.
    ConvergenceError
        If the numerical inversion (crossflow, both unmixed) fails.

    Notes
    -----
    Closed forms (Incropera Table 11.4) except for crossflow with both fluids
    unmixed: bracketed vectorised Illinois iteration to |Δε| ≤ 2e-15.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.4, Table 11.4.

    Examples
    --------
    >>> from coolsim.heat_exchangers import COUNTERFLOW, CROSSFLOW_UNMIXED
    >>> round(ntu_from_effectiveness(COUNTERFLOW, 0.714286, 0.8), 3)
    2.027
    >>> round(ntu_from_effectiveness(CROSSFLOW_UNMIXED, 0.8, 0.5), 4)
    2.7147
    """
    _check_arrangement(arrangement)
    return arrangement.ntu_si(eps, cr, name="eps")


@quantity_io(returns=THERMAL_CONDUCTANCE, q=POWER.positive(), delta_t=TEMPERATURE_DIFFERENCE.positive())
def capacity_rate_from_duty(q, delta_t):
    """Capacity rate C = ṁ·cp of a stream that carries ``q`` with a temperature change ``delta_t``.

    Parameters
    ----------
    q : pint.Quantity
        Heat carried by the stream [W].
    delta_t : pint.Quantity
        The stream's temperature change, a difference (``K`` or ``delta_degC``) [K].

    Returns
    -------
    pint.Quantity
        Capacity rate [W/K].

    Notes
    -----
    Steady-flow energy balance :math:`C = Q/\\Delta T` (Incropera sec. 11.2, C = ṁ·cp);
    lets a CDU be sized from its duty and loop ΔTs without fluid properties.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> capacity_rate_from_duty(Q_(1, "MW"), Q_(8, "delta_degC")).to("kW/K")
    <Quantity(125.0, 'kilowatt / kelvin')>
    """
    return q / delta_t


def _streams(t_hot_in, t_cold_in, c_hot, c_cold):
    _refuse(t_hot_in < t_cold_in, OutOfRangeError,
            "parameter 't_hot_in' ({0:.6g} K) is below parameter 't_cold_in' ({1:.6g} K){at}: the hot "
            "inlet must be at least as warm as the cold inlet (swap the streams)", t_hot_in, t_cold_in)  # fmt: skip
    cmin = np.minimum(c_hot, c_cold)
    return cmin, cmin / np.maximum(c_hot, c_cold), t_hot_in - t_cold_in


_T, _C = TEMPERATURE.positive(), THERMAL_CONDUCTANCE.positive()
_STREAMS = dict(t_hot_in=_T, t_cold_in=_T, c_hot=_C, c_cold=_C)


@quantity_io(returns=(POWER, TEMPERATURE, TEMPERATURE), ua=THERMAL_CONDUCTANCE.nonnegative(), **_STREAMS)
def exchanger_duty(arrangement, ua, t_hot_in, t_cold_in, c_hot, c_cold):
    """Rate an exchanger: heat duty and both outlet temperatures (ε-NTU).

    Parameters
    ----------
    arrangement : FlowArrangement
        Flow arrangement [-].
    ua : pint.Quantity
        Overall conductance UA ≥ 0 [W/K].
    t_hot_in, t_cold_in : pint.Quantity
        Hot- and cold-stream inlet temperatures, hot ≥ cold [K].
    c_hot, c_cold : pint.Quantity
        Hot- and cold-stream capacity rates ṁ·cp [W/K].

    Returns
    -------
    q : pint.Quantity
        Heat duty [W].
    t_hot_out, t_cold_out : pint.Quantity
        Hot- and cold-stream outlet temperatures [K].

    Notes
    -----
    NTU = UA/Cmin, Cr = Cmin/Cmax, ε from the arrangement, then
    :math:`Q = \\varepsilon C_{min}(T_{h,i} - T_{c,i})`,
    :math:`T_{h,o} = T_{h,i} - Q/C_h`, :math:`T_{c,o} = T_{c,i} + Q/C_c`
    (Incropera sec. 11.4).  Constant C and U, no heat loss.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.4.

    Examples
    --------
    >>> from coolsim import Q_
    >>> from coolsim.heat_exchangers import COUNTERFLOW
    >>> q, tho, tco = exchanger_duty(COUNTERFLOW, Q_(202.7, "kW/K"), Q_(42, "degC"),
    ...                              Q_(28, "degC"), Q_(100, "kW/K"), Q_(125, "kW/K"))
    >>> round(float(q.to("kW").m)), round(float(tho.to("degC").m), 2), round(float(tco.to("degC").m), 2)
    (1000, 32.0, 36.0)
    """
    _check_arrangement(arrangement)
    cmin, cr, dt = _streams(t_hot_in, t_cold_in, c_hot, c_cold)
    q = _out(arrangement.effectiveness_si(ua / cmin, cr) * cmin * dt)
    return q, t_hot_in - q / c_hot, t_cold_in + q / c_cold


@quantity_io(returns=THERMAL_CONDUCTANCE, q=POWER.nonnegative(), **_STREAMS)
def ua_for_duty(arrangement, q, t_hot_in, t_cold_in, c_hot, c_cold):
    """Size an exchanger: the UA needed to transfer ``q`` (ε-NTU).

    Parameters
    ----------
    arrangement : FlowArrangement
        Flow arrangement [-].
    q : pint.Quantity
        Required heat duty ≥ 0 [W].
    t_hot_in, t_cold_in : pint.Quantity
        Hot- and cold-stream inlet temperatures, hot ≥ cold [K].
    c_hot, c_cold : pint.Quantity
        Hot- and cold-stream capacity rates ṁ·cp [W/K].

    Returns
    -------
    pint.Quantity
        Required overall conductance UA [W/K].

    Raises
    ------
    InfeasibleError
        If ``q`` > 0 is not below ε_max·Cmin·(T_h,i − T_c,i), the most this
        arrangement can transfer with any area.

    Notes
    -----
    :math:`\\varepsilon = Q/(C_{min}(T_{h,i}-T_{c,i}))`, NTU(ε, Cr) from
    Incropera Table 11.4, :math:`UA = \\mathrm{NTU}\\,C_{min}`.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.5.

    Examples
    --------
    >>> from coolsim import Q_
    >>> from coolsim.heat_exchangers import COUNTERFLOW
    >>> ua = ua_for_duty(COUNTERFLOW, Q_(1, "MW"), Q_(42, "degC"), Q_(28, "degC"),
    ...                  Q_(100, "kW/K"), Q_(125, "kW/K"))
    >>> round(float(ua.to("kW/K").m), 1)
    202.7
    """
    _check_arrangement(arrangement)
    cmin, cr, dt = _streams(t_hot_in, t_cold_in, c_hot, c_cold)
    qmax = arrangement.max_effectiveness_si(cr) * cmin * dt
    _refuse((q >= qmax) & (q > 0.0), InfeasibleError,
            f"parameter 'q' = {{0:.6g}} W{{at}} cannot be transferred by {arrangement.name} with these inlet "
            "temperatures and capacity rates: it must be < {1:.6g} W (ε_max·Cmin·(t_hot_in − t_cold_in))",
            q, qmax)  # fmt: skip
    eps = np.where(q > 0.0, q / (cmin * np.where(dt > 0.0, dt, 1.0)), 0.0)
    return _out(arrangement._ntu(*np.broadcast_arrays(eps, cr)) * cmin)
