"""Parameters of the `did_you_mean` component (`themes/templates/components/did_you_mean/`)."""


def did_you_mean(text: str, url: str, lang: str = "") -> dict:
    """The corrected query, the address of its search, and its language when it
    differs from the page's ("" otherwise)."""
    return {"text": text, "url": url, "lang": lang}
