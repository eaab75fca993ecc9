"""The two kinds of failure, kept apart everywhere (after qutebrowser's ``KnownError`` and
``BugError``):

- :class:`KnownProblem`: the user's environment or input — a locked, full, read-only,
  damaged or newer data file, a missing font file, a row that breaks the rules. The app is
  not to blame; the message is Vietnamese and says what to do. Shown as it is, not logged
  as a crash.
- anything else is a bug in the program: logged with its traceback (:mod:`.errorlog`) and
  shown as a program error naming the log, never dressed up as a problem with the data.
"""

from __future__ import annotations

from .domain.validation import ValidationError


class KnownProblem(Exception):
    """Not a bug: something the user (or whoever looks after the computer) can act on."""


def is_bug(exc: BaseException) -> bool:
    """Whether ``exc`` is the program's fault rather than the user's environment.

    A record refused by validation is the user's input; operating-system errors (a full
    disk, a folder without permission) and running out of memory are the environment."""
    return not isinstance(exc, KnownProblem | ValidationError | OSError | MemoryError)
