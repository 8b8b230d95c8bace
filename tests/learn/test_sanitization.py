"""Article bodies: Markdown rendered, and nothing that could run code reaches the page."""

from learn.rendering import render_markdown


def test_markdown_is_still_rendered():
    html = render_markdown(
        "## Heat\n\nA **warm** shower, *then* a walk.\n\n- one\n- two\n\n1. first\n2. second"
    )
    assert "<h2>Heat</h2>" in html
    assert "<strong>warm</strong>" in html
    assert "<em>then</em>" in html
    assert "<ul>\n<li>one</li>" in html
    assert "<ol>\n<li>first</li>" in html


def test_script_tags_are_removed_with_their_content():
    html = render_markdown("Before\n\n<script>alert('x')</script>\n\nAfter <script src=/x.js></script>")
    assert "<script" not in html
    assert "alert" not in html
    assert "After" in html


def test_event_handler_and_style_attributes_are_removed():
    html = render_markdown(
        '<p onclick="alert(1)" style="color:red">Hi</p> <a href="/learn/" onmouseover="x()">ok</a>'
    )
    assert "onclick" not in html
    assert "onmouseover" not in html
    assert "style=" not in html
    assert "Hi" in html
    assert 'href="/learn/"' in html


def test_javascript_links_lose_their_target():
    html = render_markdown('[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">two</a>')
    assert "javascript" not in html.lower()
    assert "click" in html


def test_images_and_frames_do_not_reach_the_page():
    html = render_markdown(
        '![x](https://elsewhere.example/x.png) <img src=x onerror=alert(1)> <iframe src="https://e.example"></iframe>'
    )
    assert "<img" not in html
    assert "<iframe" not in html
    assert "onerror" not in html


def test_links_get_noopener_noreferrer_and_keep_safe_targets():
    html = render_markdown("[guide](https://example.org/guide) and [doctor](/learn/when-to-see-a-doctor/)")
    assert '<a href="https://example.org/guide" rel="noopener noreferrer">guide</a>' in html
    assert '<a href="/learn/when-to-see-a-doctor/" rel="noopener noreferrer">doctor</a>' in html


def test_a_top_level_heading_is_kept_as_text_only():
    html = render_markdown("# Second title\n\nText")
    assert "<h1" not in html
    assert "Second title" in html
