"""Groups are made again, with their permissions, whenever they are missing, and never lose one."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from lib.groups import group_ensure


def test_a_missing_group_is_made_with_its_permissions(db):
    Group.objects.filter(name="Reviewers").delete()
    group_ensure(name="Reviewers", app_label="review", codenames=["review_flagged_entries"], apps=apps)
    group = Group.objects.get(name="Reviewers")
    assert list(group.permissions.values_list("codename", flat=True)) == ["review_flagged_entries"]


def test_a_permission_given_by_hand_stays(db):
    group = Group.objects.get(name="Content editors")
    extra = Permission.objects.get(codename="view_entry")
    group.permissions.add(extra)
    group_ensure(name="Content editors", app_label="learn", codenames=["view_article"], apps=apps)
    assert group.permissions.filter(pk=extra.pk).exists()
    assert group.permissions.filter(codename="change_article").exists()


def test_both_groups_come_back_after_a_flush(transactional_db):
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    reviewers = Group.objects.get(name="Reviewers")
    editors = Group.objects.get(name="Content editors")
    assert reviewers.permissions.filter(codename="review_flagged_entries").exists()
    assert editors.permissions.count() == 8
