"""Facility efficiency metrics: PUE, partial PUE, ITUE, TUE and WUE.

The boundary, stated once for every function here (The Green Grid WP #49;
ISO/IEC 30134-2):

* **IT power** is the power drawn at the input of the IT equipment (servers,
  storage, network).  It *includes* everything inside the IT enclosure:
  server fans, power supplies (PSU) and voltage regulators (VR).
* **Facility overhead** is everything else drawn by the facility: cooling
  (chillers, pumps, CRAH and fan-wall fans, towers, CDUs), UPS losses, PDU and
  transformer losses, lighting, offices.

coolsim measures IT power at the IT equipment input (the Green Grid's
category 3 point).  A category 1 measurement at the UPS output would count
the PDU losses as IT power and report a lower PUE.  Because server fans are IT
power, moving heat from air to liquid removes fan power from the IT side and
can *raise* PUE while total energy falls; ITUE and TUE (Patterson et al.
2013) put the fans, PSU and VR losses back on the overhead side.
"""

from __future__ import annotations

import numpy as np

from .errors import OutOfRangeError
from .units import DIMENSIONLESS, ENERGY, POWER, TIME, VOLUME, quantity_io

__all__ = [
    "WATER_USE_INTENSITY",
    "pue",
    "pue_from_energy",
    "energy_weighted_pue",
    "partial_pue",
    "compute_power",
    "itue",
    "tue",
    "wue",
]

#: Water volume per unit energy (WUE); SI m³/J, reported in L/kWh.
#: Defined here because coolsim.units has no such kind (to be moved there).
from .units import WATER_PER_ENERGY as WATER_USE_INTENSITY  # noqa: E402  (defined in coolsim.units)

_GE1 = DIMENSIONLESS.spec(1.0, None)


def _facility_covers_it(total, it, total_name, it_name):
    """Raise if the facility total is below the IT part it contains.

    A relative slack of 1e-9 absorbs rounding from unit conversion (a total
    equal to the IT power written in other units); it is not a clamp.
    """
    bad = np.asarray(total < it * (1.0 - 1e-9))
    if bad.any():
        i = int(np.argmax(bad.ravel()))
        t = float(np.ravel(np.broadcast_to(total, bad.shape))[i])
        s = float(np.ravel(np.broadcast_to(it, bad.shape))[i])
        where = "" if bad.ndim == 0 else f" at flat index {i} ({int(bad.sum())} of {bad.size} values)"
        raise OutOfRangeError(
            f"parameter '{total_name}' must be >= '{it_name}' (the facility total includes the IT "
            f"part, so PUE >= 1); got {t!r} < {s!r} SI{where}"
        )


@quantity_io(total_facility_power=POWER.nonnegative(), it_power=POWER.positive())
def pue(total_facility_power, it_power):
    """Power usage effectiveness from (interval-average) powers.

    Parameters
    ----------
    total_facility_power : pint.Quantity
        Total facility power, IT included [W].
    it_power : pint.Quantity
        IT equipment power at the IT input, server fans, PSU and VR losses
        included [W].

    Returns
    -------
    float or numpy.ndarray
        PUE [-], at least 1.

    Raises
    ------
    OutOfRangeError
        If ``it_power <= 0`` or ``total_facility_power < it_power``.

    Notes
    -----
    :math:`PUE = P_{facility}/P_{IT}`.  An instantaneous or interval value;
    the reported metric is the energy-weighted annual value
    (:func:`energy_weighted_pue`, :func:`pue_from_energy`), not the mean of
    interval values.  UPS, PDU and cooling power are facility overhead; server
    fans are IT power (module docstring).

    References
    ----------
    .. [1] The Green Grid, "PUE: A Comprehensive Examination of the Metric",
       White Paper #49 (2012).
    .. [2] ISO/IEC 30134-2:2016, Information technology - Data centres - Key
       performance indicators - Part 2: Power usage effectiveness (PUE).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(pue(Q_(13, "MW"), Q_(10, "MW")), 3)
    1.3
    """
    _facility_covers_it(total_facility_power, it_power, "total_facility_power", "it_power")
    return total_facility_power / it_power


@quantity_io(total_facility_energy=ENERGY.nonnegative(), it_energy=ENERGY.positive())
def pue_from_energy(total_facility_energy, it_energy):
    """Power usage effectiveness from energies over a period (the reported form).

    Parameters
    ----------
    total_facility_energy : pint.Quantity
        Total facility energy over the period, IT included [J].
    it_energy : pint.Quantity
        IT equipment energy over the same period [J].

    Returns
    -------
    float or numpy.ndarray
        PUE [-], at least 1.

    Notes
    -----
    :math:`PUE = E_{facility}/E_{IT}` over the reporting period (a year for
    the annual PUE of ISO/IEC 30134-2).

    References
    ----------
    .. [1] ISO/IEC 30134-2:2016, Power usage effectiveness (PUE).
    .. [2] The Green Grid, White Paper #49 (2012).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(pue_from_energy(Q_(113.9, "GWh"), Q_(87.6, "GWh")), 3)
    1.3
    """
    _facility_covers_it(total_facility_energy, it_energy, "total_facility_energy", "it_energy")
    return total_facility_energy / it_energy


@quantity_io(total_facility_power=POWER.nonnegative(), it_power=POWER.nonnegative(), interval=TIME.positive())
def energy_weighted_pue(total_facility_power, it_power, interval=None):
    """Energy-weighted PUE of a time series (e.g. 8,760 hourly values).

    Parameters
    ----------
    total_facility_power : pint.Quantity
        Average facility power in each interval, along the last axis [W].
    it_power : pint.Quantity
        Average IT power in each interval, along the last axis [W].
    interval : pint.Quantity, optional
        Length of each interval, broadcast against the powers; equal
        intervals when omitted [s].

    Returns
    -------
    float or numpy.ndarray
        :math:`\\sum P_{fac}\\Delta t / \\sum P_{IT}\\Delta t` over the last
        axis [-].

    Raises
    ------
    OutOfRangeError
        If the IT energy of a series is zero, or the facility power is below
        the IT power in some interval.

    Notes
    -----
    The annual PUE is a ratio of energies, not the mean of hourly PUE values:
    hours of low IT load (where PUE is high) weigh less.  The two agree only
    when the hourly ratio is constant.

    References
    ----------
    .. [1] ISO/IEC 30134-2:2016, Power usage effectiveness (PUE), annual
       energy basis.
    .. [2] The Green Grid, White Paper #49 (2012).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(energy_weighted_pue(Q_([15, 24], "MW"), Q_([10, 20], "MW")), 4)
    1.3
    """
    _facility_covers_it(total_facility_power, it_power, "total_facility_power", "it_power")
    dt = 1.0 if interval is None else interval
    shape = np.broadcast_shapes(np.shape(total_facility_power), np.shape(it_power), np.shape(dt))
    if shape == ():
        shape = (1,)
    e_fac = np.sum(np.broadcast_to(total_facility_power * dt, shape), axis=-1)
    e_it = np.sum(np.broadcast_to(it_power * dt, shape), axis=-1)
    if np.any(e_it <= 0.0):
        raise OutOfRangeError("parameter 'it_power' must have a positive total IT energy over the series; got zero")
    out = e_fac / e_it
    return float(out) if np.ndim(out) == 0 else out


@quantity_io(it_power=POWER.positive(), subsystem_power=POWER.nonnegative())
def partial_pue(it_power, subsystem_power):
    """Partial PUE of one infrastructure subsystem (cooling, electrical, ...).

    Parameters
    ----------
    it_power : pint.Quantity
        IT power served by the subsystem [W].
    subsystem_power : pint.Quantity
        Power (or loss) of the subsystem [W].

    Returns
    -------
    float or numpy.ndarray
        :math:`pPUE = (P_{IT} + P_{sub})/P_{IT}` [-].

    Notes
    -----
    The Green Grid defines pPUE as the total energy inside a boundary over the
    IT energy inside it; for a boundary holding the IT and one subsystem this
    is the expression above.  When the subsystems partition the overhead,
    :math:`PUE - 1 = \\sum_i (pPUE_i - 1)`.

    References
    ----------
    .. [1] The Green Grid, "PUE: A Comprehensive Examination of the Metric",
       White Paper #49 (2012), partial PUE.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(partial_pue(Q_(10, "MW"), Q_(1.5, "MW")), 3)
    1.15
    """
    return (it_power + subsystem_power) / it_power


@quantity_io(
    returns=POWER,
    it_power=POWER.positive(),
    fan_power=POWER.nonnegative(),
    psu_loss=POWER.nonnegative(),
    vr_loss=POWER.nonnegative(),
)
def compute_power(it_power, fan_power, psu_loss=0.0, vr_loss=0.0):
    """Power reaching the compute components (the ITUE denominator).

    Parameters
    ----------
    it_power : pint.Quantity
        Power at the IT equipment input [W].
    fan_power : pint.Quantity
        Server (internal) fan power [W].
    psu_loss : pint.Quantity, optional
        Power-supply conversion loss [W].
    vr_loss : pint.Quantity, optional
        Voltage-regulator and on-board conversion loss [W].

    Returns
    -------
    pint.Quantity
        :math:`P_{compute} = P_{IT} - P_{fan} - P_{PSU} - P_{VR}` [W].

    Raises
    ------
    OutOfRangeError
        If the internal overheads leave no positive compute power.

    Notes
    -----
    Patterson et al. count server fans, PSU and VR losses as the IT
    equipment's own "infrastructure", so they move out of the denominator of
    ITUE.

    References
    ----------
    .. [1] M. K. Patterson et al., "TUE, a New Energy-Efficiency Metric Applied
       at ORNL's Jaguar", ISC 2013, LNCS 7905, pp. 372-382,
       doi:10.1007/978-3-642-38750-0_28.

    Examples
    --------
    >>> from coolsim import Q_
    >>> compute_power(Q_(10.2, "kW"), Q_(1, "kW"), Q_(0.4, "kW")).to("kW")
    <Quantity(8.8, 'kilowatt')>
    """
    out = it_power - fan_power - psu_loss - vr_loss
    bad = np.asarray(out <= 0.0)
    if bad.any():
        raise OutOfRangeError(
            "parameters 'fan_power' + 'psu_loss' + 'vr_loss' must be < 'it_power' (positive compute power); "
            f"got compute power {float(np.min(out))!r} W"
        )
    return out


@quantity_io(it_power=POWER.positive(), compute_power=POWER.positive())
def itue(it_power, compute_power):
    """IT-power usage effectiveness.

    Parameters
    ----------
    it_power : pint.Quantity
        Power (or energy rate) at the IT equipment input [W].
    compute_power : pint.Quantity
        Power reaching the compute components (:func:`compute_power`) [W].

    Returns
    -------
    float or numpy.ndarray
        :math:`ITUE = P_{IT}/P_{compute}` [-], at least 1.

    Raises
    ------
    OutOfRangeError
        If ``compute_power > it_power``.

    Notes
    -----
    The PUE idea applied inside the IT equipment.  Energy-weighted over a
    period like PUE.

    References
    ----------
    .. [1] M. K. Patterson et al., "TUE, a New Energy-Efficiency Metric Applied
       at ORNL's Jaguar", ISC 2013, LNCS 7905, pp. 372-382.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(itue(Q_(10.2, "kW"), Q_(8.8, "kW")), 4)
    1.1591
    """
    _facility_covers_it(it_power, compute_power, "it_power", "compute_power")
    return it_power / compute_power


@quantity_io(itue=_GE1, pue=_GE1)
def tue(itue, pue):
    """Total-power usage effectiveness, ``TUE = ITUE × PUE``.

    Parameters
    ----------
    itue : float or array_like
        IT-power usage effectiveness (:func:`itue`) [-], at least 1.
    pue : float or array_like
        Power usage effectiveness [-], at least 1.

    Returns
    -------
    float or numpy.ndarray
        TUE [-]: total facility energy over the energy reaching the compute
        components.

    Notes
    -----
    :math:`TUE = ITUE \\cdot PUE = E_{facility}/E_{compute}`; the IT energy
    cancels when both are measured at the same IT input point.

    References
    ----------
    .. [1] M. K. Patterson et al., "TUE, a New Energy-Efficiency Metric Applied
       at ORNL's Jaguar", ISC 2013, LNCS 7905, pp. 372-382.

    Examples
    --------
    >>> round(tue(1.156, 1.356), 3)
    1.568
    """
    return itue * pue


@quantity_io(returns=WATER_USE_INTENSITY, site_water=VOLUME.nonnegative(), it_energy=ENERGY.positive())
def wue(site_water, it_energy):
    """Water usage effectiveness: site water over IT energy.

    Parameters
    ----------
    site_water : pint.Quantity
        Water consumed on site over the period (cooling towers, humidification,
        evaporative media) [m³].
    it_energy : pint.Quantity
        IT equipment energy over the same period [J].

    Returns
    -------
    pint.Quantity
        WUE [m³/J]; convert with ``.to("L/kWh")``, the unit it is reported in.

    Notes
    -----
    :math:`WUE = V_{water,site}/E_{IT}`, annual.  Site water only; the water
    used to generate the electricity belongs to WUE_source.

    References
    ----------
    .. [1] The Green Grid, "Water Usage Effectiveness (WUE): A Green Grid Data
       Center Sustainability Metric", White Paper #35 (2011).
    .. [2] ISO/IEC 30134-9:2022, Water usage effectiveness (WUE).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(wue(Q_(1.8e6, "L"), Q_(1, "GWh")).to("L/kWh").m), 3)
    1.8
    """
    return site_water / it_energy
