"""Parameters of the `page_feedback` component (`themes/templates/components/page_feedback/`)."""


def page_feedback(action: str, token_url: str = "", report_url: str = "") -> dict:
    """The "Was this page useful?" block: where its buttons post (`action`, the
    feedback page of this page), where its optional script fetches a token
    (`token_url`), and the "Report an error" link (`report_url`). The same for
    every visitor: it holds no token, so the page stays cacheable."""
    return {
        "action": action,
        "token_url": token_url,
        "report_url": report_url or action,
        "token_field": "token",
        "honeypot_field": "website_url",
    }
