"""Response headers that Django and django-csp do not set: Permissions-Policy."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """The site uses no camera, microphone, location, payment or other powerful feature:
    refuse them all, for our pages and anything they might ever embed (ASVS 14.4)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response
