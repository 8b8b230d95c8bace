"""One TriageRule row per rule, with the defaults of triage-spec.md as they shipped.

The values are written out rather than read from triage.rules, so this migration does the same on
every install whatever the rules module says later; tests/triage/test_rule_defaults.py checks that
a fresh database still matches the code.
"""

from django.db import migrations

RULES = [{'code': 'cauda_equina',
  'urgency': 'emergency',
  'source': 'clinical_guidance',
  'params': {},
  'message': 'You noted numbness around the groin, buttocks or inner thighs, a change in bladder '
             'or bowel control, or weakness in your legs. Together with back pain these signs need '
             'a doctor straight away, because some of their causes must be treated within hours. '
             'Seek care now: call your local emergency number or go to an emergency department. Do '
             'not wait for a reply from us.'},
 {'code': 'chest_pain',
  'urgency': 'emergency',
  'source': 'clinical_guidance',
  'params': {},
  'message': 'You noted chest pain. Chest pain has to be checked at once, because some of its '
             'causes are dangerous and cannot wait. Seek care now: call your local emergency '
             'number. Do not wait for a reply from us or for the pain to pass.'},
 {'code': 'head_symptoms',
  'urgency': 'soon',
  'source': 'article',
  'params': {'min_pain': 1},
  'message': 'Besides your back pain you noted a headache, toothache or pressure behind the eyes. '
             'When complaints in the head come together with back pain, a doctor should look at '
             'them side by side. Please arrange to see a doctor.'},
 {'code': 'numbness',
  'urgency': 'soon',
  'source': 'article',
  'params': {},
  'message': 'You noted numbness. Numbness is something a doctor should examine, and it matters '
             'more when you feel dizzy as well. Please arrange to see a doctor; if the numbness '
             'spreads or your legs grow weak, seek care at once.'},
 {'code': 'painkiller_use',
  'urgency': 'routine',
  'source': 'article',
  'params': {},
  'message': 'You took painkillers for your back. They can have side effects and can mask how the '
             'pain develops, so your doctor should know that you need them. Mention it at your '
             'next visit, or sooner if you take them most days.'},
 {'code': 'persistent_pain',
  'urgency': 'soon',
  'source': 'article',
  'params': {'min_pain': 4, 'min_days': 10, 'window_days': 14},
  'message': 'Your pain has stayed up on most days lately, even though you have been looking after '
             "it yourself. Pain that does not ease with self-help deserves a doctor's examination, "
             'to find out what keeps it going and what else can help. Please arrange to see a '
             'doctor.'},
 {'code': 'radiating_pain',
  'urgency': 'soon',
  'source': 'article',
  'params': {'min_pain': 1},
  'message': 'Your pain is spreading beyond where it started, into your arms or down your back. '
             'Pain that travels like this should be examined to find where it comes from. Please '
             'arrange to see a doctor.'},
 {'code': 'recurring_spasms',
  'urgency': 'soon',
  'source': 'article',
  'params': {'min_days': 3, 'window_days': 14},
  'message': 'Your back has gone into spasm on several days recently. Spasms that keep returning '
             "are worth a doctor's examination, to find out what sets them off and how to prevent "
             'them. Please arrange to see a doctor.'},
 {'code': 'restricted_movement',
  'urgency': 'soon',
  'source': 'article',
  'params': {'min_pain': 1},
  'message': 'Your pain is limiting how you can move, for example turning your head. Movement that '
             'stays restricted should be examined by a doctor. Please arrange to see a doctor.'},
 {'code': 'slanted_posture',
  'urgency': 'soon',
  'source': 'article',
  'params': {'min_pain': 1},
  'message': 'You noticed that your body leans or tilts to one side. A posture that stays crooked '
             'can strain your back for good, so it should be looked into. Please arrange to see a '
             'doctor.'},
 {'code': 'sleep_disturbance',
  'urgency': 'routine',
  'source': 'article',
  'params': {'min_pain': 1},
  'message': 'Your pain is getting in the way of your sleep. Poor sleep makes pain harder to cope '
             'with, and pain at night is something your doctor will want to hear about. Mention it '
             'at your next visit, or book one sooner if it keeps happening.'},
 {'code': 'systemic_red_flags',
  'urgency': 'urgent',
  'source': 'clinical_guidance',
  'params': {'min_pain': 1},
  'message': 'Besides your back pain you noted a fever, weight loss you cannot explain, or a '
             "recent fall, blow or accident. Back pain with any of these needs a doctor's "
             'examination without delay, as it can have a cause that needs treatment. If you feel '
             'very unwell, call your local emergency number.'},
 {'code': 'systemic_symptoms',
  'urgency': 'soon',
  'source': 'article',
  'params': {'min_pain': 1},
  'message': 'Besides your back pain you noted emotional distress, dizziness, nausea or vomiting. '
             'Complaints beyond the back itself are a reason to be checked rather than to wait. '
             'Please arrange to see a doctor; if you are struggling emotionally, you do not have '
             'to wait for that visit to talk to someone.'}]


def create_rules(apps, schema_editor):
    TriageRule = apps.get_model("triage", "TriageRule")
    for row in RULES:
        TriageRule.objects.update_or_create(code=row["code"], defaults={**row, "enabled": True})


def remove_rules(apps, schema_editor):
    TriageRule = apps.get_model("triage", "TriageRule")
    TriageRule.objects.filter(code__in=[row["code"] for row in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("triage", "0001_initial")]

    operations = [migrations.RunPython(create_rules, remove_rules)]
