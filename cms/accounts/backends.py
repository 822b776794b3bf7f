from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check for every sign-in made from a request (the admin
    login form, password reset confirmation...). An authenticate() call with no
    request (a management command, a test's Client.login) is not an HTTP sign-in
    attempt and is left to the next backend instead of failing."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
