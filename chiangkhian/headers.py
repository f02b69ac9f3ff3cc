"""Response headers that Django and django-csp do not set: Permissions-Policy."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """The site uses no camera, microphone, payment or other powerful feature: refuse them all,
    for our pages and anything they might ever embed (ASVS 14.4); the location only for our
    own pages (PERMISSIONS_POLICY_SELF)."""

    def __init__(self, get_response):
        self.get_response = get_response
        denied = [f"{feature}=()" for feature in settings.PERMISSIONS_POLICY]
        own = [f"{feature}=(self)" for feature in settings.PERMISSIONS_POLICY_SELF]
        self.value = ", ".join(denied + own)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response
