"""Payroll calculation that needs no database (see `engine`)."""
