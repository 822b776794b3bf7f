"""Parameters of the `gallery` component (`themes/templates/components/gallery/`)."""


def photo(src: str, *, width: int, height: int, full_url: str, alt: str, caption: str = "") -> dict:
    """One photo: the thumbnail (address and size), the full-size image, the text
    alternative (what the photo shows) and an optional visible caption."""
    return {
        "src": src,
        "width": width,
        "height": height,
        "full_url": full_url,
        "alt": alt,
        "caption": caption,
    }
