# Django finds the models through this package; callers import from the module
# that defines a model. Each subject adds its module here.
from clerical.models import documents, phones, requests  # noqa: F401
