from .base import *  # noqa: F401,F403
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# Demo agencies with custom hostnames (e.g. akorda-demo.localhost) must be reachable.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["*"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
