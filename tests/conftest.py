"""Shared test configuration: hypothesis profiles.

``ci`` (the default) is derandomized so that a CI run is reproducible and
short; ``thorough`` explores far more examples.  Select with the environment
variable ``COOLSIM_HYPOTHESIS_PROFILE=thorough``.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=20, deadline=None)
settings.load_profile(os.environ.get("COOLSIM_HYPOTHESIS_PROFILE", "ci"))
