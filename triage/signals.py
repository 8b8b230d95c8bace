"""What the triage engine tells the apps above it, without importing them.

The engine is the one writer of flags, and the staff review (which sits above triage) must learn of
every new or more urgent flag in the same transaction. The engine sends ``flags_changed`` after it
wrote the flags of a batch of entries; ``review.apps`` connects the review's receiver.

Keyword arguments of ``flags_changed``:
    raised: list of (entry id, urgency) for every flag that is new, fired again after it had been
        withdrawn, or became more urgent.
    changed: the ids of every entry whose stored flags changed in any way.
"""

from django.dispatch import Signal

flags_changed = Signal()
