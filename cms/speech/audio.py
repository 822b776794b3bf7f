"""PCM -> MP3 (lameenc, the LAME encoder as a PyPI wheel), and reading an MP3 back.

32 kbit/s mono at eSpeak's 22 050 Hz: speech stays clear and a minute of it is about
240 kB. `mp3_duration` walks the MP3 frames (the file itself, not what we meant to
write), so tests and the admin can check a stored file.
"""

from __future__ import annotations

import array
import math

import lameenc

from .engine import Speech

BIT_RATE = 32  # kbit/s
# LAME's 2 (best) .. 7 (fastest): at 32 kbit/s speech sounds the same, in half the time.
QUALITY = 7

# MPEG audio frame headers (ISO 11172-3 / 13818-3), Layer III only.
_BITRATES = {
    3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],  # MPEG-1
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],  # MPEG-2
    0: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],  # MPEG-2.5
}
_SAMPLE_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def encode_mp3(speech: Speech) -> bytes:
    if not speech.samples:
        raise ValueError("no samples to encode")
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BIT_RATE)
    encoder.set_in_sample_rate(speech.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(QUALITY)
    return bytes(encoder.encode(speech.samples.tobytes()) + encoder.flush())


def rms(samples: array.array) -> float:
    """Root mean square of 16-bit samples (0 for silence, ~32767 for a full square)."""
    if not samples:
        return 0.0
    return math.sqrt(sum(s * s for s in samples) / len(samples))


def mp3_duration(data: bytes) -> float:
    """Seconds of audio in an MP3 (Layer III frames counted; ID3v2 tag skipped).
    ValueError when `data` holds no MP3 frame."""
    position, frames_seconds = 0, 0.0
    if data[:3] == b"ID3" and len(data) >= 10:
        size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
        position = 10 + size
    frames = 0
    while position + 4 <= len(data):
        header = int.from_bytes(data[position : position + 4], "big")
        if header >> 21 != 0x7FF:
            position += 1
            continue
        version = (header >> 19) & 3
        layer = (header >> 17) & 3
        bitrate_index = (header >> 12) & 15
        rate_index = (header >> 10) & 3
        padding = (header >> 9) & 1
        if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
            position += 1
            continue
        bitrate = _BITRATES[version][bitrate_index] * 1000
        rate = _SAMPLE_RATES[version][rate_index]
        samples = 1152 if version == 3 else 576
        length = samples // 8 * bitrate // rate + padding
        frames_seconds += samples / rate
        frames += 1
        position += length
    if not frames:
        raise ValueError("no MP3 frame found")
    return frames_seconds
