"""Pieces shared by single- and two-phase immersion (see :mod:`coolsim.capture.immersion`).

IT power accounting with the server fans removed, GPU power at a utilisation,
tank count, field conversion helpers and the per-result shape.
"""

from __future__ import annotations

from dataclasses import field

import numpy as np

from ..errors import OutOfRangeError
from ..it_equipment import ITLoad
from ..units import FRACTION, Q_, to_si

__all__: list[str] = []  # internal helpers of the immersion components, not public API


def quantity_field(value, unit):
    """A dataclass field whose default is ``Q_(value, unit)`` (built per instance)."""
    return field(default_factory=lambda: Q_(value, unit))


def convert_fields(obj, specs):
    """Convert the named fields of ``obj`` to SI with their specs; return the dict.

    Errors name the field (``to_si`` raises :class:`~coolsim.errors.UnitError`
    for a wrong dimension or ``degC`` given for a difference, and
    :class:`~coolsim.errors.OutOfRangeError` for NaN or out-of-range values).
    """
    return {name: to_si(getattr(obj, name), spec, name) for name, spec in specs.items()}


def servers_per_tank_si(value):
    """Check ``servers_per_tank`` is an integer >= 1."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise OutOfRangeError(f"parameter 'servers_per_tank' must be an integer >= 1; got {value!r}")
    return int(value)


def _check_load(it_load):
    if not isinstance(it_load, ITLoad):
        raise OutOfRangeError(f"parameter 'it_load' must be a coolsim.it_equipment.ITLoad; got {type(it_load).__name__}")
    if it_load.server.gpu_count < 1:
        raise OutOfRangeError(
            f"parameter 'it_load': server '{it_load.server.name}' has no GPUs; immersion device "
            "temperatures are evaluated for GPUs (gpu_count >= 1)"
        )


def it_powers_no_fans(it_load, utilisation):
    """Hall compute power [W] with the server fans removed (immersion: fans = 0).

    ``compute = (server_power(u) - fan_power_ref) * server_count``; with no fans
    this is also the IT power.  Returns ``(it_power, compute_per_server)``.
    """
    _check_load(it_load)
    s = it_load.server
    compute_per_server = s.power_si(utilisation) - s._si["fan_power_ref"]
    return compute_per_server * it_load.server_count, compute_per_server


def gpu_power(it_load, compute_per_server):
    """Power of one GPU [W]: its TDP scaled with the server's compute power.

    Model choice: every component's power follows the server's compute power
    linearly, so the GPU dissipates its TDP at full utilisation.
    """
    s = it_load.server._si
    full = s["max_power"] - s["fan_power_ref"]
    return s["gpu_tdp"] * compute_per_server / full


def tank_count(server_count, servers_per_tank):
    """Number of tanks, ``ceil(servers / servers_per_tank)`` [-]."""
    return -(-int(server_count) // int(servers_per_tank))


def result_shape(*arrays):
    """Broadcast shape of the result's inputs."""
    return np.broadcast_shapes(*(np.shape(a) for a in arrays))


def full(shape, value=0.0):
    """A float (shape ``()``) or a float64 array of ``shape`` filled with ``value``."""
    return float(value) if shape == () else np.full(shape, float(value))


def broadcast(x, shape):
    """``x`` as a float (shape ``()``) or a float64 array of ``shape`` (copied only if broadcast)."""
    if shape != () and type(x) is np.ndarray and x.shape == shape and x.dtype == np.float64:
        return x
    a = np.broadcast_to(np.asarray(x, dtype=np.float64), shape)
    return float(a) if shape == () else a.copy()


def capture_at_site(component, it_load, utilisation, site):
    """Shared body of the components' unit-aware ``capture``: check, default the site, run."""
    from ..site import design_site

    site = design_site("sterling-va") if site is None else site
    return component.capture_si(it_load, to_si(utilisation, FRACTION, "utilisation"), site.si)
