"""Immutable records made quickly: :func:`quick_init` for frozen dataclasses made by the thousand."""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any, TypeVar

__all__ = ["quick_init"]

_Record = TypeVar("_Record", bound=type)


def quick_init(cls: _Record) -> _Record:
    """A frozen dataclass ``cls`` given an ``__init__`` that writes its fields straight into the new instance's
    ``__dict__``: the frozen ``__init__`` sets each field through ``object.__setattr__``, about three times as
    slow, and a report makes several records for every figure (mention, context, readings, period, fact).
    The fields still cannot be assigned once made.  For records without ``__post_init__`` or default
    factories (checked here)."""
    made: Any = cls
    assert not hasattr(made, "__post_init__"), f"{cls.__name__}: quick_init writes no __post_init__"
    params, lines, defaults = [], [], {}
    for f in fields(made):
        assert f.default_factory is MISSING, f"{cls.__name__}.{f.name}: quick_init takes plain defaults only"
        if f.default is MISSING:
            params.append(f.name)
        else:
            params.append(f"{f.name}=_default_{f.name}")
            defaults[f"_default_{f.name}"] = f.default
        lines.append(f"    fields[{f.name!r}] = {f.name}")
    source = f"def __init__(self, {', '.join(params)}):\n    fields = self.__dict__\n" + "\n".join(lines) + "\n"
    exec(source, defaults)  # the way dataclasses writes __init__, from the class's own field names
    init = defaults["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    made.__init__ = init
    return cls
