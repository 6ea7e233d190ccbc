"""The LMTD method: log-mean temperature difference, correction factor F, approach.

Holds :func:`lmtd` (counterflow or parallel-flow terminal differences),
:func:`lmtd_correction_factor` (F of any arrangement from the ε-NTU inverse)
and the CDU :func:`approach_temperature`.

References: Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed.,
Wiley, 2011, sec. 11.3; Shah & Sekulić, *Fundamentals of Heat Exchanger Design*,
Wiley, 2003, sec. 3.7, DOI 10.1002/9780470172605; ASHRAE TC 9.9, *Liquid
Cooling Guidelines for Datacom Equipment Centers*, 2nd ed., 2014.
"""

from __future__ import annotations

import numpy as np

from ..errors import OutOfRangeError
from ..units import DIMENSIONLESS, TEMPERATURE_DIFFERENCE, quantity_io
from .arrangements import COUNTERFLOW, _check_arrangement, _L, _out, _refuse
from .ntu_method import _T, _streams

__all__ = ["lmtd", "lmtd_correction_factor", "approach_temperature"]


_TEMPS4 = dict(t_hot_in=_T, t_hot_out=_T, t_cold_in=_T, t_cold_out=_T)


@quantity_io(returns=TEMPERATURE_DIFFERENCE, **_TEMPS4)
def lmtd(t_hot_in, t_hot_out, t_cold_in, t_cold_out, arrangement=COUNTERFLOW):
    """Log-mean temperature difference.

    Parameters
    ----------
    t_hot_in, t_hot_out : pint.Quantity
        Hot-stream inlet and outlet temperatures [K].
    t_cold_in, t_cold_out : pint.Quantity
        Cold-stream inlet and outlet temperatures [K].
    arrangement : FlowArrangement, optional
        ``PARALLEL_FLOW`` uses parallel-flow terminal differences, every other
        arrangement the counterflow ones (the basis of the correction factor
        F); default ``COUNTERFLOW`` [-].

    Returns
    -------
    pint.Quantity
        ΔT_lm [K].

    Notes
    -----
    :math:`\\Delta T_{lm} = (\\Delta T_1 - \\Delta T_2)/\\ln(\\Delta T_1/\\Delta T_2)`,
    ΔT₁ = T_h,i − T_c,o, ΔT₂ = T_h,o − T_c,i (counterflow) or ΔT₁ = T_h,i −
    T_c,i, ΔT₂ = T_h,o − T_c,o (parallel), Incropera sec. 11.3.
    Evaluated as ΔT₂·r/ln(1 + r), r = ΔT₁/ΔT₂ − 1, so that equal terminal
    differences give exactly that difference.  Both must be > 0.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.3.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(lmtd(Q_(100, "degC"), Q_(60, "degC"), Q_(30, "degC"), Q_(40.2, "degC")).m), 1)
    43.2
    """
    _check_arrangement(arrangement)
    for lo, hi, n1, n2 in ((t_hot_out, t_hot_in, "t_hot_out", "t_hot_in"),
                           (t_cold_in, t_cold_out, "t_cold_in", "t_cold_out")):
        _refuse(lo > hi, OutOfRangeError, f"parameter '{n1}' ({{0:.6g}} K) exceeds parameter '{n2}' ({{1:.6g}} K)"
                "{at}: the hot stream must cool and the cold stream warm", lo, hi)  # fmt: skip
    if arrangement.parallel_lmtd:
        ends = ((t_hot_in, t_cold_in, "t_hot_in", "t_cold_in"), (t_hot_out, t_cold_out, "t_hot_out", "t_cold_out"))
    else:
        ends = ((t_hot_in, t_cold_out, "t_hot_in", "t_cold_out"), (t_hot_out, t_cold_in, "t_hot_out", "t_cold_in"))
    for th, tc, n1, n2 in ends:
        _refuse(th <= tc, OutOfRangeError,
                f"terminal difference '{n1}' − '{n2}' = {{0:.6g}} K{{at}} must be > 0 "
                f"(a temperature cross is impossible for {arrangement.name})", th - tc)  # fmt: skip
    d1, d2 = ends[0][0] - ends[0][1], ends[1][0] - ends[1][1]
    return _out(d2 / _L(d1 / d2 - 1.0))


@quantity_io(returns=DIMENSIONLESS, **_TEMPS4)
def lmtd_correction_factor(arrangement, t_hot_in, t_hot_out, t_cold_in, t_cold_out):
    """LMTD correction factor F of an arrangement, relative to counterflow.

    Parameters
    ----------
    arrangement : FlowArrangement
        Flow arrangement [-].
    t_hot_in, t_hot_out : pint.Quantity
        Hot-stream inlet and outlet temperatures; the hot stream must cool [K].
    t_cold_in, t_cold_out : pint.Quantity
        Cold-stream inlet and outlet temperatures; the cold stream must warm [K].

    Returns
    -------
    float or numpy.ndarray
        F such that Q = UA·F·ΔT_lm,counterflow; 1 for counterflow [-].

    Raises
    ------
    InfeasibleError
        If the arrangement cannot reach these terminal temperatures.

    Notes
    -----
    From the terminal temperatures Cr = min(ΔT_h, ΔT_c)/max(ΔT_h, ΔT_c) and
    ε = max(ΔT_h, ΔT_c)/(T_h,i − T_c,i); then
    :math:`F = \\mathrm{NTU}_{cf}(\\varepsilon, C_r)/\\mathrm{NTU}(\\varepsilon, C_r)`,
    the link between the LMTD and ε-NTU methods (Shah & Sekulić 2003,
    sec. 3.7.2).  Both streams must change temperature.

    References
    ----------
    .. [1] Shah & Sekulić, *Fundamentals of Heat Exchanger Design*, Wiley, 2003, sec. 3.7,
       DOI 10.1002/9780470172605.
    .. [2] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.3.

    Examples
    --------
    >>> from coolsim import Q_
    >>> from coolsim.heat_exchangers import CROSSFLOW_UNMIXED
    >>> f = lmtd_correction_factor(CROSSFLOW_UNMIXED, Q_(80, "degC"), Q_(50, "degC"),
    ...                            Q_(20, "degC"), Q_(40, "degC"))
    >>> round(f, 3)
    0.941
    """
    _check_arrangement(arrangement)
    _streams(t_hot_in, t_cold_in, 1.0, 1.0)
    dth, dtc = t_hot_in - t_hot_out, t_cold_out - t_cold_in
    for d, n1, n2 in ((dth, "t_hot_in", "t_hot_out"), (dtc, "t_cold_out", "t_cold_in")):
        _refuse(d <= 0.0, OutOfRangeError,
                f"'{n1}' − '{n2}' = {{0:.6g}} K{{at}} must be > 0: F needs both streams to change temperature", d)
    big = np.maximum(dth, dtc)
    eps, cr = big / (t_hot_in - t_cold_in), np.minimum(dth, dtc) / big
    _refuse(eps >= 1.0, OutOfRangeError,
            "the terminal temperatures imply an effectiveness {0:.6g}{at} ≥ 1: a stream leaves beyond the "
            "other's inlet (need 't_hot_out' > 't_cold_in' and 't_cold_out' < 't_hot_in')", eps)  # fmt: skip
    ntu = arrangement.ntu_si(eps, cr, name="t_hot_out/t_cold_out (effectiveness)")
    return _out(COUNTERFLOW._ntu(*np.broadcast_arrays(eps, cr)) / ntu)


@quantity_io(returns=TEMPERATURE_DIFFERENCE, t_hot_out=_T, t_cold_in=_T)
def approach_temperature(t_hot_out, t_cold_in):
    """Approach temperature of a CDU: secondary supply minus primary supply.

    Parameters
    ----------
    t_hot_out : pint.Quantity
        Hot-stream outlet; for a CDU the secondary (technology cooling system)
        supply temperature [K].
    t_cold_in : pint.Quantity
        Cold-stream inlet; for a CDU the primary (facility water) supply
        temperature [K].

    Returns
    -------
    pint.Quantity
        Approach ΔT = T_h,o − T_c,i ≥ 0 [K].

    Notes
    -----
    The cold-end terminal difference of a counterflow exchanger, the
    "approach" on CDU datasheets.  The hot-end difference T_h,i − T_c,o is the
    other terminal difference; when C_hot < C_cold the cold end is the smaller
    of the two.  A negative value is impossible for a two-stream exchanger
    and is refused.

    References
    ----------
    .. [1] ASHRAE TC 9.9, *Liquid Cooling Guidelines for Datacom Equipment Centers*, 2nd ed., 2014.

    Examples
    --------
    >>> from coolsim import Q_
    >>> approach_temperature(Q_(32, "degC"), Q_(28, "degC")).to("delta_degC")
    <Quantity(4.0, 'delta_degree_Celsius')>
    """
    _refuse(t_hot_out < t_cold_in, OutOfRangeError,
            "parameter 't_hot_out' ({0:.6g} K) is below parameter 't_cold_in' ({1:.6g} K){at}: a stream "
            "cannot be cooled below the other stream's inlet", t_hot_out, t_cold_in)  # fmt: skip
    return t_hot_out - t_cold_in
