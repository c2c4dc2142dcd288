"""`find`'s expression: where it starts, which tests narrow what it matches, what it does.

The words after `-exec ... ;` belong to the command it runs, and the word after `-name` is a
pattern: `find . -exec echo -delete \\;` deletes nothing, `find . -name -delete` neither.
"""

from __future__ import annotations

from nlshell.shell.records import Value

_LEADING = frozenset({"-H", "-L", "-P"})
_LEADING_VALUE = frozenset({"-D", "-O"})
# Tests and options that take one argument, and the two-argument -fprintf.
_ONE_ARGUMENT = frozenset(
    """
    -name -iname -path -ipath -wholename -iwholename -regex -iregex -lname -ilname -newer -anewer -cnewer -mtime
    -mmin -atime -amin -ctime -cmin -size -inum -samefile -user -uid -group -gid -perm -links -used -fstype
    -context -type -xtype -maxdepth -mindepth -printf -fprint -fprint0 -fls -regextype -files0-from
    """.split()
)
# Tests that say which files, by name or identity: what is left is not "everything under the root".
NARROWING = frozenset(
    "-name -iname -path -ipath -wholename -iwholename -regex -iregex -lname -ilname -empty -inum -samefile".split()
)
# Tests that pick files by age or size: rotation (`-mtime +30`), which narrows a log or backup
# folder, but not a home or a project, where what is older than a month is most of it.
AGE_OR_SIZE = frozenset("-mtime -mmin -atime -amin -ctime -cmin -used -size -anewer -cnewer".split())
_AGE = frozenset("-mtime -mmin -atime -amin -ctime -cmin -used".split())
EXECS = frozenset({"-exec", "-execdir", "-ok", "-okdir"})
_EXEC_END = frozenset({";", "+", "\\;"})


class FindCall(Value):
    __slots__ = ("roots", "primaries", "execs", "outputs", "empty_only", "window")

    def __init__(self, roots: list) -> None:
        self.roots = roots  # the start paths (Words); none means `.`
        self.primaries: list = []  # every test and action, as written, outside -exec
        self.execs: list = []  # (primary, [Words]) for each -exec/-execdir/-ok/-okdir
        self.outputs: list = []  # (primary, Word) files -fprint/-fprintf/-fls write
        self.empty_only = False  # `-size 0`: only empty files
        self.window = False  # age tests that bound both sides (`-mtime 3`, `-newermt A ! -newermt B`)

    @property
    def narrowed(self) -> bool:
        """A test says which files by name or identity, picks only empty ones (`-size 0`), or only
        those changed within a window of time (`-newermt A ! -newermt B`, `-mtime 3`)."""
        return any(p in NARROWING for p in self.primaries) or self.empty_only or self.window

    def has(self, primary: str) -> bool:
        return primary in self.primaries


def read_find(args: list) -> FindCall:
    """Read `find`'s arguments (the words after `find`)."""
    i, n = 0, len(args)
    while i < n and (args[i].text in _LEADING or args[i].text[:2] in _LEADING_VALUE):
        i += 2 if args[i].text in _LEADING_VALUE else 1
    roots = []
    while i < n:
        t = args[i].text
        if t.startswith("-") or t in ("(", "!", ")", ","):
            break
        roots.append(args[i])
        i += 1
    call = FindCall(roots)
    bounds = set()  # "older" / "newer": which sides the age tests bound
    while i < n:
        t = args[i].text
        if t in EXECS:
            j = i + 1
            while j < n and args[j].text not in _EXEC_END:
                j += 1
            call.execs.append((t, list(args[i + 1 : j])))
            i = j + 1
            continue
        call.primaries.append(t)
        if t == "-size" and i + 1 < n and args[i + 1].text in ("0", "0c", "-1c", "0k"):
            call.empty_only = True
        if t in _AGE and i + 1 < n:
            value = args[i + 1].text
            bounds.update(("older",) if value.startswith("+") else ("newer",) if value.startswith("-") else ("older", "newer"))
        elif t.startswith("-newer"):
            bounds.add("older" if i > 0 and args[i - 1].text in ("!", "-not") else "newer")
        if t in ("-fprint", "-fprint0", "-fls", "-fprintf") and i + 1 < n:
            call.outputs.append((t, args[i + 1]))
        if t == "-fprintf":
            i += 3
        elif t in _ONE_ARGUMENT or t.startswith("-newer"):
            i += 2
        else:
            i += 1
    call.window = bounds == {"older", "newer"}
    return call
