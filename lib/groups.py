"""Groups that hold a fixed set of permissions, made again whenever they are missing.

Django creates an app's permissions only after every migration has run, and a flush (the test
runner's, between browser tests) empties the auth tables; so the migration that first makes a
group and the post_migrate handler that puts it back after a flush both call ``group_ensure``.
"""

from collections.abc import Iterable
from typing import Any

from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions


def group_ensure(
    *, name: str, app_label: str, codenames: Iterable[str], apps: Apps, using: str = "default"
) -> Any:
    """Create the group ``name`` when it is missing and give it the listed permissions of
    ``app_label``, creating those permissions first. Adds, never removes: a permission an admin
    gave the group by hand stays. ``apps`` is a migration's or post_migrate's app registry."""
    app_config = apps.get_app_config(app_label)
    # A historical app config has no models module, and create_permissions skips such apps.
    models_module = getattr(app_config, "models_module", None)
    setattr(app_config, "models_module", models_module or True)  # noqa: B010
    try:
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    finally:
        setattr(app_config, "models_module", models_module)  # noqa: B010
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = group_model.objects.using(using).get_or_create(name=name)
    group.permissions.add(
        *permission_model.objects.using(using).filter(
            content_type__app_label=app_label, codename__in=list(codenames)
        )
    )
    return group
