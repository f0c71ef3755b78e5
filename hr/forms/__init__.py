"""HR forms, one module per subject.

Import a name from the module that defines it.
"""
