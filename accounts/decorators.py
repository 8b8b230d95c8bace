"""View decorators for pages that hold a person's health data."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache

from accounts.selectors import user_has_consented


def journal_view(view):
    """A page of the person's own journal: logged in, consent given, never cached."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not user_has_consented(user=request.user):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:consent')}?{query}")
        return view(request, *args, **kwargs)

    return never_cache(login_required(wrapper))
