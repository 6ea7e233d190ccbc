"""Saturation pressure of water vapour (Hyland-Wexler, ASHRAE Handbook--Fundamentals 2017 ch. 1).

Over ice below the triple point (0.01 °C) and over liquid water above it; the unit-free
correlation lives in :mod:`coolsim.psychrometrics._core` (``_pws``), shared by every inverse.
"""

from __future__ import annotations

from ..units import PRESSURE, TEMPERATURE, quantity_io
from ._core import _check_temperature, _doc, _pws

__all__ = ["saturation_vapour_pressure"]


@quantity_io(returns=PRESSURE, temperature=TEMPERATURE.positive())
@_doc
def saturation_vapour_pressure(temperature):
    """Saturation pressure of water vapour, over ice below 0.01 °C and over liquid water above.

    Parameters
    ----------
    temperature : pint.Quantity
        Temperature; ``degC``, ``degF`` or ``K`` [K].

    Returns
    -------
    pint.Quantity
        Saturation vapour pressure [Pa].

    Notes
    -----
    Hyland and Wexler (1983): :math:`\\ln p_{ws} = C_1/T + C_2 + C_3T + C_4T^2 + C_5T^3 + C_6T^4
    + C_7\\ln T` over ice ([1]_ eq. 5), :math:`C_8/T + C_9 + C_{10}T + C_{11}T^2 + C_{12}T^3 +
    C_{13}\\ln T` over liquid water (eq. 6). Validity 173.15 ... 473.15 K (-100 ... 200 °C).

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(saturation_vapour_pressure(Q_(25, "degC")).m), 1)
    3169.2
    """
    _check_temperature("temperature", temperature)
    return _pws(temperature)
