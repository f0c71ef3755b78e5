"""`field__any_of=[...]`: membership in a list sent as one parameter.

`__in` with a Python list sends one parameter per value, each prepared by the
ORM in Python; for the thousands of ids of a payroll chunk that preparation
costs more than the query. On PostgreSQL `any_of` sends the list as one array
(`field = ANY(%s::type[])`); elsewhere it falls back to `IN`.
"""

from django.db.models import Field, ForeignObject, Lookup


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [list(value)]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if not values:
            return "1 = 0", list(lhs_params)
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        db_type = self.lhs.output_field.cast_db_type(connection)
        return f"{lhs} = ANY(%s::{db_type}[])", [*lhs_params, list(self.rhs)]


# Relations keep lookups of their own (they stop at ForeignObject), so both.
Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)
