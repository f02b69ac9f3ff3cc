"""Staff log-in hardening (issue 11, part 1): lockout, second factor, session limits,
re-authentication before consequential acts, password notices and reset.

Django's admin log-in stays the one entry point. django-axes guards it (LockoutBackend); the
second factor comes after the password, on pages of our own (views.py), enforced for the back
office by StaffSessionMiddleware; policy.py decides who needs what and for how long.
"""
