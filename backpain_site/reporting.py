"""Keeps health data out of error reports.

Django's default filter hides only settings that look like secrets. Everything a person posts here
(an entry, a note, a password) and every local variable of a failing view may be health data, so
error e-mails and debug pages show names, never values.
"""

from django.views.debug import SafeExceptionReporterFilter


class HealthDataExceptionReporterFilter(SafeExceptionReporterFilter):
    def is_active(self, request):
        return True

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: self.cleansed_substitute for key in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
