"""Annual charges with units: energy (flat and time-of-use), water and lost GPU revenue.

The primitives of :mod:`coolsim.economics.costs` (which re-exports them):
:func:`design_point_annual_energy`, :func:`energy_cost`,
:func:`tou_energy_cost`, :func:`time_of_use_prices`, :func:`water_cost` and
:func:`lost_revenue`, with the money Kinds they need.
"""

from __future__ import annotations

import numpy as np

from ..errors import OutOfRangeError
from ..units import (
    DIMENSIONLESS,
    ENERGY,
    ENERGY_PRICE,
    MONEY,
    MONEY_RATE,
    POWER,
    TIME,
    VOLUME,
    Kind,
    Q_,
    quantity_io,
)

__all__ = [
    "VOLUME_PRICE",
    "DESIGN_HOURS",
    "design_point_annual_energy",
    "energy_cost",
    "tou_energy_cost",
    "time_of_use_prices",
    "water_cost",
    "lost_revenue",
]

#: Money per volume (water, fluids), e.g. "2.5 USD/L" (defined here; move to units.py).
VOLUME_PRICE = Kind("money per volume", "USD/m**3", "Q_(2.5, 'USD/L') or Q_(0.0053, 'USD/gal')")
#: Operating hours in the design-point annual estimate.
DESIGN_HOURS = Q_(8760.0, "hour")

_EP = ENERGY_PRICE.nonnegative()
_VP = VOLUME_PRICE.nonnegative()
_MR = MONEY_RATE.nonnegative()


# ---------------------------------------------------------------------------- primitives
@quantity_io(returns=ENERGY, power=POWER.nonnegative(), hours=TIME.positive())
def design_point_annual_energy(power, hours=8760.0 * 3600.0):
    """Annual energy if the design-point power ran all year.

    Parameters
    ----------
    power : pint.Quantity
        Design-point (facility) power [W].
    hours : pint.Quantity
        Operating time per year; default 8,760 h [s].

    Returns
    -------
    pint.Quantity
        :math:`E = P\\,t` [J].

    Notes
    -----
    A simplification until hourly results are wired in: the design point is
    the hottest hour at full utilisation, so this overestimates the energy of
    every architecture (most for those with chillers and economizers).

    References
    ----------
    .. [1] The Green Grid, *PUE: A Comprehensive Examination of the Metric*,
       White Paper 49, 2012 (annual energy as the basis of PUE).

    Examples
    --------
    >>> from coolsim import Q_
    >>> design_point_annual_energy(Q_(1, "MW")).to("MWh")
    <Quantity(8760.0, 'megawatt_hour')>
    """
    return power * hours


@quantity_io(returns=MONEY, energy=ENERGY.nonnegative(), price=_EP)
def energy_cost(energy, price):
    """Cost of energy at a flat price (element by element).

    Parameters
    ----------
    energy : pint.Quantity
        Energy bought [J].
    price : pint.Quantity
        Price, e.g. ``Q_(0.0892, "USD/kWh")``, ``Q_(8.92, "cent/kWh")`` or ``Q_(89.2, "USD/MWh")`` [USD/J].

    Returns
    -------
    pint.Quantity
        :math:`C = E\\,p` [USD].

    Notes
    -----
    Energy charges only: demand (per-kW) charges and taxes are not modelled.

    References
    ----------
    .. [1] U.S. EIA, *Electric Power Annual 2023*, table 2.10 (average retail
       prices by state; Virginia commercial/industrial context, domain primer).

    Examples
    --------
    >>> from coolsim import Q_
    >>> energy_cost(Q_(1000, "kWh"), Q_(8.92, "cent/kWh")).to("USD")
    <Quantity(89.2, 'US_dollar')>
    """
    return energy * price


@quantity_io(returns=MONEY, hourly_energy=ENERGY.nonnegative(), hourly_price=_EP)
def tou_energy_cost(hourly_energy, hourly_price):
    """Cost of energy under a time-of-use tariff: sum over the last axis of energy × price.

    Parameters
    ----------
    hourly_energy : pint.Quantity
        Energy in each hour (last axis: hours of the year) [J].
    hourly_price : pint.Quantity
        Price in each hour, broadcasting against ``hourly_energy`` [USD/J].

    Returns
    -------
    pint.Quantity
        :math:`C = \\sum_h E_h p_h` [USD] (leading axes kept).

    Notes
    -----
    Equals :func:`energy_cost` of the annual total when the price is flat.

    References
    ----------
    .. [1] U.S. DOE FEMP, *Time-of-use rates* (tariff structure), energy.gov/femp.

    Examples
    --------
    >>> from coolsim import Q_
    >>> tou_energy_cost(Q_([1, 1], "MWh"), Q_([50, 150], "USD/MWh")).to("USD")
    <Quantity(200.0, 'US_dollar')>
    """
    return np.sum(np.asarray(hourly_energy) * hourly_price, axis=-1)


@quantity_io(returns=ENERGY_PRICE, peak=_EP, off_peak=_EP)
def time_of_use_prices(peak, off_peak, peak_start=12, peak_end=20, hours=8760):
    """Hourly prices of a simple two-period tariff (peak on the same hours every day).

    Parameters
    ----------
    peak : pint.Quantity
        Price in peak hours [USD/J].
    off_peak : pint.Quantity
        Price outside them [USD/J].
    peak_start, peak_end : int
        Peak window, hours of the day, ``0 <= start < end <= 24`` [h].
    hours : int
        Hours in the year (8,760) [-].

    Returns
    -------
    pint.Quantity
        Hourly prices, shape ``(hours,)`` [USD/J].

    Notes
    -----
    Hour ``h`` is peak when ``peak_start <= h mod 24 < peak_end``; weekends and
    seasons are not distinguished.

    References
    ----------
    .. [1] U.S. DOE FEMP, *Time-of-use rates*, energy.gov/femp.

    Examples
    --------
    >>> from coolsim import Q_
    >>> p = time_of_use_prices(Q_(0.15, "USD/kWh"), Q_(0.06, "USD/kWh"))
    >>> round(float(p.mean().m_as("USD/kWh")), 4)
    0.09
    """
    if not (0 <= peak_start < peak_end <= 24):
        raise OutOfRangeError(f"parameters 'peak_start'/'peak_end' must satisfy 0 <= start < end <= 24; got {peak_start}, {peak_end}")
    if int(hours) != hours or hours < 1:
        raise OutOfRangeError(f"parameter 'hours' must be a whole number >= 1; got {hours!r}")
    h = np.arange(int(hours)) % 24
    return np.where((h >= peak_start) & (h < peak_end), peak, off_peak)


@quantity_io(returns=MONEY, volume=VOLUME.nonnegative(), price=_VP)
def water_cost(volume, price):
    """Cost of water bought.

    Parameters
    ----------
    volume : pint.Quantity
        Water bought [m³].
    price : pint.Quantity
        Price per volume, e.g. ``Q_(5.3e-3, "USD/gal")`` [USD/m³].

    Returns
    -------
    pint.Quantity
        :math:`C = V\\,p` [USD].

    Notes
    -----
    A volumetric rate only (connection and availability charges are capex-like
    and not modelled).

    References
    ----------
    .. [1] Loudoun Water, consumption usage rates effective 1 Jan 2024 (water
       tier 1 3.86 USD and sewer 5.76 USD per 1,000 gal), loudounwater.org.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(water_cost(Q_(1000, "gal"), Q_(5.3e-3, "USD/gal")).m), 2)
    5.3
    """
    return volume * price


@quantity_io(returns=MONEY, server_downtime=TIME.nonnegative(), gpus_per_server=DIMENSIONLESS.positive(), gpu_hour_price=_MR)
def lost_revenue(server_downtime, gpus_per_server, gpu_hour_price):
    """Revenue lost while servers are down.

    Parameters
    ----------
    server_downtime : pint.Quantity
        Server-time lost, summed over the fleet [s].
    gpus_per_server : float or array_like
        GPUs per server [-].
    gpu_hour_price : pint.Quantity
        Rental price of one GPU per time, e.g. ``Q_(4, "USD/hour")`` [USD/s].

    Returns
    -------
    pint.Quantity
        :math:`L = D\\,g\\,p` [USD].

    Notes
    -----
    Assumes every GPU-hour would have been sold (full occupancy): an upper bound.

    References
    ----------
    .. [1] Founding article (GPU rental at ~4 USD per GPU-hour); 2–3.5 USD at
       specialist clouds in 2025–26 (2ND, domain primer).

    Examples
    --------
    >>> from coolsim import Q_
    >>> lost_revenue(Q_(10, "hour"), 8, Q_(4, "USD/hour")).to("USD")
    <Quantity(320.0, 'US_dollar')>
    """
    return server_downtime * gpus_per_server * gpu_hour_price

