"""Serving the audio: only for a page the public may read now.

The file is served when its page is live, under no view restriction and outside an
archived agency (cms.tenants.media.published_pages: the rule documents and images
follow), and the address's token is the current text's (an old address is a 404).
Otherwise 404, to everyone: the audio of a private page is never public, and an
archived agency's audio goes with its pages.
"""

import re

from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control

from cms.tenants.media import published_pages
from cms.tenants.no_language_redirect_urls import NO_LANGUAGE_REDIRECT_URLCONF

from .models import PageAudio

# One byte range (what browsers' media elements ask when the listener seeks).
RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def _partial(handle, wanted: re.Match, size: int) -> HttpResponse:
    first, last = wanted.group(1), wanted.group(2)
    if first:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    elif last:  # the last N bytes
        start, end = max(size - int(last), 0), size - 1
    else:
        start, end = 0, size - 1
    if start > end or start >= size:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    with handle:
        handle.seek(start)
        data = handle.read(end - start + 1)
    response = HttpResponse(data, status=206, content_type="audio/mpeg")
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response


def serve_audio(request, page_id: int, language: str, token: str):
    try:
        return _serve(request, page_id, language, token)
    except Http404:
        # A 404 here is final: not redirected to /<language>/speech/... (the pages'
        # catch-all would take it).
        request.urlconf = NO_LANGUAGE_REDIRECT_URLCONF
        raise


def _serve(request, page_id: int, language: str, token: str):
    audio = PageAudio.objects.filter(page_id=page_id, language=language).first()
    if audio is None or audio.token != token:
        raise Http404
    if not published_pages().filter(pk=page_id).exists():
        raise Http404
    try:
        handle = audio.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    download = request.GET.get("download") == "1"
    wanted = RANGE.fullmatch(request.headers.get("Range", "")) if not download else None
    if wanted:
        response = _partial(handle, wanted, audio.file.size)
    else:
        response = FileResponse(
            handle,
            content_type="audio/mpeg",
            as_attachment=download,
            filename=f"{audio.page.slug}-{language}.mp3",
        )
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    # The address changes with the text; the page's privacy may change sooner.
    patch_cache_control(response, public=True, max_age=3600)
    return response
