"""The families of rules, one module each (see nlshell/risk/book.py for what a module holds).

`book.FAMILIES` lists them; they are imported on the first rating, never at start-up.
"""
