"""docs/triage.md lists the rules exactly as the code ships them."""

import re
from pathlib import Path

from triage.rules import rules_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "triage.md"


def test_the_rules_table_in_the_docs_matches_the_rule_definitions():
    text = DOC.read_text()
    table = re.search(r"<!-- rules-table:start -->\n(.*?)<!-- rules-table:end -->", text, re.S)
    assert table, "docs/triage.md lost its rules-table markers"
    assert table.group(1) == rules_markdown(), "regenerate the table with triage.rules.rules_markdown()"
