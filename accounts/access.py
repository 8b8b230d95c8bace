"""Access records: each time a staff member opened one of a person's entries.

The staff review writes them (review.services.entry_access_record); the person reads them on the
account page (accounts.selectors.staff_accesses). This module names the pages a record can come
from, in the person's words.
"""


class AccessPage:
    """Where a staff member opened an entry; stored in the access record's additional data."""

    REVIEW = "review"
    ADMIN = "admin"
    ADMIN_HISTORY = "admin-history"
    ADMIN_FLAG = "admin-flag"


ACCESS_PAGES = {
    AccessPage.REVIEW: "the review page",
    AccessPage.ADMIN: "the administration",
    AccessPage.ADMIN_HISTORY: "the administration's history page",
    AccessPage.ADMIN_FLAG: "the administration's page of a piece of advice",
}
