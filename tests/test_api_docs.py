"""Every parameter of every public function is documented in its docstring.

Public functions are the functions named in a module's ``__all__``; their
numpydoc ``Parameters`` section must name every argument.
"""

import importlib
import inspect
import pkgutil

import coolsim


def _public_functions():
    for info in pkgutil.walk_packages(coolsim.__path__, "coolsim."):
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name, None)
            if inspect.isfunction(obj) and getattr(obj, "__module__", "").startswith("coolsim"):
                yield f"{obj.__module__}.{name}", obj


def test_every_public_parameter_is_documented():
    missing = []
    seen = set()
    for qualname, func in _public_functions():
        if qualname in seen:
            continue
        seen.add(qualname)
        doc = func.__doc__ or ""
        for p in inspect.signature(func).parameters.values():
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.name == "self":
                continue
            if not any(f"{p.name}{sep}" in doc for sep in (" :", ":", ",")):
                missing.append(f"{qualname}({p.name})")
    assert not missing, "undocumented parameters: " + ", ".join(missing)
