"""The consent a person gives before the journal stores any health data.

The text is versioned: a consent records the version it was given to, so a later change of the
text can ask again. Bump CONSENT_VERSION whenever CONSENT_TEXT changes in substance.
"""

CONSENT_VERSION = "2026-11-3"

CONSENT_POINTS = (
    (
        "What we store",
        "The journal entries you write: where your back hurts and how much, spasms, symptoms, "
        "painkillers, self-help, daily habits and your notes, with the date of each entry.",
    ),
    (
        "Why",
        "To show you your history and trends, and to point out when what you record matches the "
        "criteria for seeing a doctor. That advice is information, not a diagnosis.",
    ),
    (
        "Who can see it",
        "You. The site's staff reviewers and administrators may open an entry that triage flagged, "
        "with the highest pain of each of the 30 days before it and the other advice of those days, "
        "to follow it up; each time they do, it is recorded and shown to you on your account page. "
        "Nobody else, and nothing is sold or shared.",
    ),
    (
        "Your choice",
        "You can edit or delete any entry at any time. Without this consent you can keep an "
        "account, but the journal stays closed.",
    ),
)
