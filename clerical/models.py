# Models arrive with the department's own issue.
