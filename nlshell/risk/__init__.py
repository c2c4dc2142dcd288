"""How much can this command hurt? safe / caution / dangerous, with reasons and the ids of the
rules that found them.

The principle (design.md, "Risk levels"): **dangerous** is irreversible loss at broad scope or
handing control away; **caution** changes state in a bounded or recoverable way; **safe** reads, or
creates without overwriting. The engine (engine.py) walks every command the parse tree says would
run (nlshell/shell/) and applies the rule book (book.py, rules/): one module per family of rules,
each rule with an id, a level, a reason and examples beside it. The rules load on the first rating.
"""

from nlshell.risk.engine import Finding, Rating, rate
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE, Level

__all__ = ["CAUTION", "DANGEROUS", "SAFE", "Finding", "Level", "Rating", "rate"]
