"""Fans: curves, operating points and power (from :mod:`coolsim.turbomachinery`), and fan noise.

Curves, operating points and affinity laws (:mod:`coolsim.turbomachinery`)
and the power chain (:mod:`coolsim.pumps`) are shared with pumps and re-exported here
(:class:`FanCurve` is :class:`~coolsim.turbomachinery.TurboCurve`).  This
module adds fan sound:

- change of sound power with speed, :math:`\\Delta L_W = 50\\log_{10}(N_2/N_1)`;
- the ASHRAE/Graham specific-sound-power estimate of a fan's octave-band and
  overall sound power from its flow and pressure;
- combining identical sources and free-field / hemispherical sound pressure.

Levels are plain floats in decibels: sound power levels re 1 pW, sound
pressure levels re 20 µPa.
"""

from __future__ import annotations

import enum

import numpy as np

from .errors import OutOfRangeError
from .pumps import curve_shaft_power, electrical_power, fluid_power, ie3_motor_efficiency, shaft_power
from .turbomachinery import (
    TurboCurve,
    affinity_laws,
    efficiency,
    operating_point,
    operating_point_with_mask,
    pressure_rise,
    speed_ratio_for_flow,
)
from .units import DIMENSIONLESS, LENGTH, PRESSURE, VOLUMETRIC_FLOW, quantity_io

__all__ = [
    "FanCurve",
    "FanType",
    "OCTAVE_BANDS_HZ",
    "sound_power_change_with_speed",
    "fan_octave_sound_power",
    "fan_sound_power_level",
    "off_peak_correction",
    "combine_identical_sources",
    "sound_pressure_level_at_distance",
    # re-exported from coolsim.turbomachinery and coolsim.pumps
    "operating_point",
    "operating_point_with_mask",
    "pressure_rise",
    "efficiency",
    "fluid_power",
    "shaft_power",
    "electrical_power",
    "curve_shaft_power",
    "affinity_laws",
    "speed_ratio_for_flow",
    "ie3_motor_efficiency",
]

#: A fan curve is a :class:`~coolsim.turbomachinery.TurboCurve`.
FanCurve = TurboCurve

#: Octave-band centre frequencies of the specific-sound-power table [Hz].
OCTAVE_BANDS_HZ = (63, 125, 250, 500, 1000, 2000, 4000, 8000)

_Q_REF = 0.3048**3 / 60.0  # 1 cfm in m³/s (reference flow of the IP table)
_P_REF = 249.08891  # 1 inH2O in Pa (pint's inch of water, 4 °C)


class FanType(enum.Enum):
    """Fan type with its specific sound power levels :math:`K_W` and blade-frequency increment.

    Each value is ``(Kw per octave band 63 Hz … 8 kHz [dB], index of the
    blade-pass octave band, BFI [dB])``, from ASHRAE (1987) / Graham (1972) as
    tabulated in Long (2014), Tables 13.5 and 13.7.  ``*_LARGE``: wheel
    diameter over 0.75 m (centrifugal) or 1 m (tubeaxial); ``*_SMALL`` below.
    Vaneaxial hub ratios: ``LOW`` 0.3–0.4, ``MEDIUM`` 0.4–0.6, ``HIGH`` 0.6–0.8.
    """

    CENTRIFUGAL_AIRFOIL_LARGE = ((40, 40, 39, 34, 30, 23, 19, 17), 2, 3.0)
    CENTRIFUGAL_AIRFOIL_SMALL = ((45, 45, 43, 39, 34, 28, 24, 19), 2, 3.0)
    CENTRIFUGAL_FORWARD_CURVED = ((53, 53, 43, 36, 36, 31, 26, 21), 3, 2.0)
    VANEAXIAL_HUB_LOW = ((49, 43, 43, 48, 47, 45, 38, 34), 1, 6.0)
    VANEAXIAL_HUB_MEDIUM = ((49, 43, 46, 43, 41, 36, 30, 28), 1, 6.0)
    VANEAXIAL_HUB_HIGH = ((53, 52, 51, 51, 49, 47, 43, 40), 1, 6.0)
    TUBEAXIAL_LARGE = ((51, 46, 47, 49, 47, 46, 39, 37), 0, 7.0)
    TUBEAXIAL_SMALL = ((48, 47, 49, 53, 52, 51, 43, 40), 0, 7.0)
    PROPELLER = ((48, 51, 58, 56, 55, 52, 46, 42), 0, 5.0)


_LEVEL = DIMENSIONLESS.any()
_SPEED = DIMENSIONLESS.positive()


@quantity_io(returns=None, speed_ratio=_SPEED)
def sound_power_change_with_speed(speed_ratio):
    """Change of a fan's sound power level with speed, same fan and point of rating.

    Parameters
    ----------
    speed_ratio : float
        :math:`N_2/N_1` > 0 [-].

    Returns
    -------
    float or numpy.ndarray
        :math:`L_{W2} - L_{W1}` [dB].

    Notes
    -----
    Fan law :math:`L_{W2} = L_{W1} + 70\\log_{10}(D_2/D_1) + 50\\log_{10}(N_2/N_1)`
    with the same diameter and density [1]_; it equals
    :math:`10\\log_{10}Q + 20\\log_{10}p` of the specific-sound-power estimate
    [2]_ along the affinity parabola.  For the same point of rating (a
    through-origin system); good to about ±2 dB for speed ratios 0.5–1.5.

    References
    ----------
    .. [1] ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans", fan laws (sound power).
    .. [2] Graham, J.B., "How to estimate fan noise", Sound and Vibration 6(5), 24–27 (1972).

    Examples
    --------
    >>> round(sound_power_change_with_speed(0.8), 2)
    -4.85
    """
    out = 50.0 * np.log10(speed_ratio)
    return float(out) if np.ndim(out) == 0 else out


@quantity_io(returns=None, flow=VOLUMETRIC_FLOW.positive(), pressure=PRESSURE.positive(),
             efficiency_correction=DIMENSIONLESS.nonnegative())
def fan_octave_sound_power(flow, pressure, fan_type, efficiency_correction=0.0):
    """Octave-band sound power of a fan from flow and pressure (specific sound power method).

    Parameters
    ----------
    flow : pint.Quantity
        Fan flow [m³/s].
    pressure : pint.Quantity
        Fan total pressure rise [Pa].
    fan_type : FanType
        Fan type (selects :math:`K_W` and the blade-frequency increment).
    efficiency_correction : float
        :math:`C_{eff}` >= 0 [dB] for operation away from peak efficiency
        (see :func:`off_peak_correction`); 0 near the peak.

    Returns
    -------
    numpy.ndarray
        Sound power levels in the 8 octave bands 63 Hz … 8 kHz (last axis)
        [dB re 1 pW].

    Notes
    -----
    :math:`L_W = K_W + 10\\log_{10}(Q/Q_1) + 20\\log_{10}(p/p_1) + BFI + C_{eff}`
    with :math:`Q_1 = 1` cfm, :math:`p_1 = 1` inH₂O, BFI added in the blade-pass
    octave [1]_, [2]_.  An estimate for ducted fans of the listed types: expect
    ±4 dB or more against a manufacturer's tested data, which should be used
    when available (later ASHRAE editions dropped the table for that reason).

    References
    ----------
    .. [1] Graham, J.B., "How to estimate fan noise", Sound and Vibration 6(5), 24–27 (1972);
       ASHRAE Handbook—Systems (1987), ch. 52.
    .. [2] Long, M., Architectural Acoustics, 2nd ed., Academic Press (2014),
       Eq. 13.1, Tables 13.5–13.7.

    Examples
    --------
    >>> from coolsim import Q_
    >>> lw = fan_octave_sound_power(Q_(10000, "cfm"), Q_(2, "inH2O"),
    ...                             FanType.CENTRIFUGAL_AIRFOIL_LARGE)
    >>> [round(float(x), 1) for x in lw[:3]]
    [86.0, 86.0, 88.0]
    """
    if not isinstance(fan_type, FanType):
        raise OutOfRangeError(f"parameter 'fan_type' must be a FanType member; got {fan_type!r}")
    kw, band, bfi = fan_type.value
    base = np.asarray(kw, dtype=np.float64)
    base[band] += bfi
    level = 10.0 * np.log10(flow / _Q_REF) + 20.0 * np.log10(pressure / _P_REF) + efficiency_correction
    return np.asarray(level)[..., None] + base


@quantity_io(returns=None, flow=VOLUMETRIC_FLOW.positive(), pressure=PRESSURE.positive(),
             efficiency_correction=DIMENSIONLESS.nonnegative())
def fan_sound_power_level(flow, pressure, fan_type, efficiency_correction=0.0):
    """Overall (unweighted) sound power level of a fan, energy sum of the octave bands.

    Parameters
    ----------
    flow : pint.Quantity
        Fan flow [m³/s].
    pressure : pint.Quantity
        Fan total pressure rise [Pa].
    fan_type : FanType
        Fan type.
    efficiency_correction : float
        :math:`C_{eff}` >= 0 [dB].

    Returns
    -------
    float or numpy.ndarray
        Sound power level [dB re 1 pW].

    Notes
    -----
    :math:`L_W = 10\\log_{10}\\sum_b 10^{L_{W,b}/10}` over the bands of
    :func:`fan_octave_sound_power`; same validity (±4 dB or more).

    References
    ----------
    .. [1] Long, M., Architectural Acoustics, 2nd ed., Academic Press (2014), Eq. 13.1.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(fan_sound_power_level(Q_(10000, "cfm"), Q_(2, "inH2O"),
    ...                             FanType.CENTRIFUGAL_AIRFOIL_LARGE), 1)
    92.0
    """
    bands = fan_octave_sound_power.si(flow, pressure, fan_type, efficiency_correction)
    out = 10.0 * np.log10(np.sum(10.0 ** (bands / 10.0), axis=-1))
    return float(out) if np.ndim(out) == 0 else out


_EFF_EDGES = np.array([0.50, 0.55, 0.65, 0.75, 0.85, 0.90])
_EFF_DB = np.array([16.0, 15.0, 12.0, 9.0, 6.0, 3.0, 0.0])


@quantity_io(returns=None, efficiency_ratio=DIMENSIONLESS.spec(0.0, 1.0, lo_open=True))
def off_peak_correction(efficiency_ratio):
    """Correction :math:`C_{eff}` for a fan running away from its peak efficiency.

    Parameters
    ----------
    efficiency_ratio : float
        Static efficiency at the operating point / peak static efficiency, in (0, 1] [-].

    Returns
    -------
    float or numpy.ndarray
        :math:`C_{eff}` [dB]: 0 at >= 90 %, 3 (85–90 %), 6 (75–85 %), 9 (65–75 %),
        12 (55–65 %), 15 (50–55 %), 16 below 50 %.

    Notes
    -----
    Step table of [1]_, used with :func:`fan_octave_sound_power`.

    References
    ----------
    .. [1] Long, M., Architectural Acoustics, 2nd ed. (2014), Table 13.6 (after ASHRAE 1987).

    Examples
    --------
    >>> off_peak_correction(0.8)
    6.0
    """
    out = _EFF_DB[np.searchsorted(_EFF_EDGES, efficiency_ratio, side="right")]
    return float(out) if np.ndim(out) == 0 else out


@quantity_io(returns=None, level=_LEVEL, count=DIMENSIONLESS.spec(1.0, None))
def combine_identical_sources(level, count):
    """Level of ``count`` identical incoherent sources, :math:`L + 10\\log_{10}N`.

    Parameters
    ----------
    level : float
        Level of one source [dB] (power re 1 pW or pressure re 20 µPa).
    count : int or array_like
        Number of sources, an integer >= 1 [-].

    Returns
    -------
    float or numpy.ndarray
        Combined level [dB, same reference].

    Notes
    -----
    Energy addition of incoherent sources [1]_ (a fan wall of N fans).

    References
    ----------
    .. [1] Bies, D.A., Hansen, C.H., Howard, C.Q., Engineering Noise Control,
       5th ed., CRC Press (2018), §1.11 "Combining sound pressures".

    Examples
    --------
    >>> round(combine_identical_sources(85.0, 10), 1)
    95.0
    """
    if np.any(np.asarray(count) != np.round(count)):
        raise OutOfRangeError(f"parameter 'count' must be a whole number of sources; got {count!r}")
    out = level + 10.0 * np.log10(count)
    return float(out) if np.ndim(out) == 0 else out


@quantity_io(returns=None, sound_power_level=_LEVEL, distance=LENGTH.positive(),
             directivity=DIMENSIONLESS.positive())
def sound_pressure_level_at_distance(sound_power_level, distance, directivity=2.0):
    """Sound pressure level at a distance from a point source in a free field.

    Parameters
    ----------
    sound_power_level : float
        :math:`L_W` [dB re 1 pW].
    distance : pint.Quantity
        Distance :math:`r` from the source [m].
    directivity : float
        Directivity factor :math:`Q_d` [-]: 1 free field (sphere), 2 on a
        reflecting floor (hemisphere, default), 4 at a wall edge, 8 in a corner.

    Returns
    -------
    float or numpy.ndarray
        :math:`L_p` [dB re 20 µPa].

    Notes
    -----
    :math:`L_p = L_W + 10\\log_{10}(Q_d/(4\\pi r^2))` with r in metres, i.e.
    :math:`L_W - 10\\log_{10}(2\\pi r^2)` for a hemisphere [1]_, [2]_; takes
    :math:`\\rho c \\approx 400` rayl (error < 0.2 dB at room conditions).  Far
    field only (r above about twice the source size); no room reverberation,
    so it under-predicts inside a hall.

    References
    ----------
    .. [1] Bies, D.A., Hansen, C.H., Howard, C.Q., Engineering Noise Control,
       5th ed., CRC Press (2018), §5.2 (simple source, directivity).
    .. [2] ISO 3744:2010, acoustics — sound power by sound pressure,
       engineering method over a reflecting plane (hemispherical surface).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(sound_pressure_level_at_distance(90.0, Q_(1, "m")), 2)
    82.02
    """
    out = sound_power_level + 10.0 * np.log10(directivity / (4.0 * np.pi * distance**2))
    return float(out) if np.ndim(out) == 0 else out
