"""Named events that one department sends and others act on.

HR imports no other department. When it hires or dismisses someone it sends
one of these; `accounting`, `it_support` and `clerical` connect receivers in
their `signals.py`. Events are sent inside the sender's transaction, so what
a receiver writes commits or rolls back with the change that caused it.

Every event is sent with `sender` set to the model class and these
keyword arguments:

- `employee_hired`: `employee`, `by` (the acting user).
- `employee_dismissed`: `employee`, `by`, `reason`, `last_day` (a date),
  `kind` (a `hr.models.Termination.Kind` value: dismissal, resignation,
  end_of_contract, mutual_agreement, retirement). Sent for every departure.
- `employee_changed`: `employee`, `by`, `changes` ({field: (old, new)}).
"""

from django.dispatch import Signal

employee_hired = Signal()
employee_dismissed = Signal()
employee_changed = Signal()
