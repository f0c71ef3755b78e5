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

The other way round, a department tells HR it has done its part of a departure:

- `offboarding_item_done`: `employee`, `item` (the task of an
  `hr.models.discipline.OffboardingItem` owned by another department than
  HR: "equipment" and "access" for IT, "final_pay" for payroll), `by` (the
  user who did it), `when` (an aware datetime). `sender` is the sending
  department's model class (`accounting.models.payroll_runs.FinalPay`), or
  `Employee` for a department without one yet. HR's receiver ticks the item
  on the employee's latest departure; a report for an item already done, an
  employee without a departure or an unknown employee changes nothing, so a
  sender may repeat it. Only these reports tick another department's items:
  HR cannot. For example, when the payroll run holding a leaver's final pay
  is marked paid::

      events.offboarding_item_done.send(
          sender=FinalPay, employee=final.employee, item="final_pay",
          by=run.paid_by, when=run.paid_at,
      )

Leave (HR's `hr.models.leave.LeaveRequest`), sent by the daily
`hr.tasks.leave_daily_task`, once per request each:

- `leave_started`: `employee`, `leave_type` (its name), `start_date`,
  `end_date` (dates): an approved leave has begun (the phone directory shows
  the person as on leave).
- `leave_ended`: `employee`, `leave_type`, `start_date`, `end_date`: the
  person is back (the day after `end_date`).

The core tells the departments when the working-day calendar changes:

- `public_holidays_changed`: `dates` (a list of dates added, moved or
  removed), `by`; sent by the admin of `PublicHoliday` inside its
  transaction. HR re-counts the leave booked over those dates.
"""

from django.dispatch import Signal

employee_hired = Signal()
employee_dismissed = Signal()
employee_changed = Signal()
offboarding_item_done = Signal()
leave_started = Signal()
leave_ended = Signal()
public_holidays_changed = Signal()
