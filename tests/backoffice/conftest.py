# Fixtures of this folder's test modules, shared by name.
from tests.backoffice.test_job_worker import worker_queue  # noqa: F401
from tests.smtp import smtp_server  # noqa: F401
