# Fixtures of this folder's test modules, shared by name.
from tests.smtp import smtp_server  # noqa: F401
