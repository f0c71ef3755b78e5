export DJANGO_SETTINGS_MODULE=backoffice.settings SECRET_KEY=x DEBUG=false \
  ALLOWED_HOSTS=localhost,testserver,127.0.0.1 SECURE_SSL_REDIRECT=false REDIS_URL= \
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/backoffice_wt_security \
  TEST_REDIS_URL=redis://127.0.0.1:6379/9 PYTHONPATH=/work/wt/security
