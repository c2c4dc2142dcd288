"""Plain slotted classes with a readable repr and, where asked for, equality by value.

The parsed-command model, the option grammar, the rule book and the rating were dataclasses; but
importing `dataclasses` costs ~8 ms (it imports inspect, and with it ast, dis and tokenize) and
generating each class ~0.3 ms more, paid by every process that rates a command — the guard on
every command it has not seen before. These classes write their `__init__` by hand and take the
rest from here:

- `Record`: a repr naming every field (identity equality, as `eq=False` dataclasses);
- `Value`: equal when of the same class with equal fields, unhashable (a mutable dataclass);
- `Frozen`: a `Value` that cannot be changed after `__init__` (which sets fields with
  `object.__setattr__`) and hashes by value (a frozen dataclass).

A class's fields are its own `__slots__` after those of its bases, in the order written.
"""

from __future__ import annotations

_FIELDS: dict = {}


def fields(cls) -> tuple:
    """The names of `cls`'s fields: the slots of its bases first, then its own."""
    names = _FIELDS.get(cls)
    if names is None:
        names = tuple(n for c in reversed(cls.__mro__) for n in c.__dict__.get("__slots__", ()))
        _FIELDS[cls] = names
    return names


class Record:
    __slots__ = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name, None)!r}" for name in fields(type(self)))
        return f"{type(self).__name__}({shown})"


class Value(Record):
    __slots__ = ()
    __hash__ = None  # type: ignore[assignment] - mutable: equal values may change

    def __eq__(self, other) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in fields(type(self)))


class Frozen(Value):
    __slots__ = ()

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"{type(self).__name__} cannot be changed ({name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} cannot be changed ({name})")

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in fields(type(self))))
