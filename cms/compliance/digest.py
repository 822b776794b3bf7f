"""The weekly digest: stub."""


def send_digests(today=None):
    return []
