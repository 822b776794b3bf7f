"""eSpeak NG, called in-process: text in one language -> 16-bit mono PCM samples.

Which eSpeak is used is a setting (`SPEECH_ENGINE`, from the environment):

- ``auto`` (default): the library bundled by the PyPI package espeakng-loader (a
  dependency: libespeak-ng and its voice data, kk, ru and en among them), else an
  ``espeak-ng`` program on the PATH (Debian's package), else none;
- ``library`` or ``binary``: only that one;
- ``off``: none (the test settings; `SPEECH_ENGINE=off make run` shows the site
  without speech).

With no engine, `available()` is False, nothing is synthesised and pages show no
player. The library keeps one global state: calls are serialised by a lock, and it
is initialised once per process.
"""

from __future__ import annotations

import array
import ctypes
import io
import logging
import shutil
import subprocess
import threading
import wave
from dataclasses import dataclass
from functools import lru_cache

import espeakng_loader
from django.conf import settings

logger = logging.getLogger(__name__)

#: Words per minute: eSpeak's default (175) is fast for listeners new to synthesis.
RATE = 160
# espeak_AUDIO_OUTPUT.AUDIO_OUTPUT_SYNCHRONOUS; espeakINITIALIZE_DONT_EXIT;
# espeakCHARS_UTF8 | espeakENDPAUSE; espeak_PARAMETER.espeakRATE; POS_CHARACTER.
_SYNCHRONOUS, _DONT_EXIT, _UTF8_ENDPAUSE, _PARAM_RATE, _POS_CHARACTER = 2, 0x8000, 0x1001, 1, 1
_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class SpeechUnavailable(RuntimeError):
    """No eSpeak NG to synthesise with (or it failed): the page gets no audio."""


@dataclass(frozen=True)
class Speech:
    samples: array.array  # signed 16-bit mono
    sample_rate: int

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0


def voice_for(language: str) -> str:
    """eSpeak's voice for a site language: its own code (kk, ru, en all exist)."""
    return language


class _Library:
    """libespeak-ng through ctypes (the API of speak_lib.h)."""

    def __init__(self, library_path: str, data_path: str):
        self._lib = ctypes.CDLL(library_path)
        self._lib.espeak_Initialize.argtypes = [
            ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
        ]
        self._lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self._lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self._lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]
        self._lock = threading.Lock()
        self._buffer = array.array("h")
        self._callback = _CALLBACK(self._collect)  # kept alive as long as the library
        rate = self._lib.espeak_Initialize(_SYNCHRONOUS, 0, data_path.encode(), _DONT_EXIT)
        if rate <= 0:
            raise SpeechUnavailable(f"espeak_Initialize failed ({rate})")
        self.sample_rate = rate
        self._lib.espeak_SetSynthCallback(self._callback)

    def _collect(self, wav, count, events) -> int:
        if count > 0 and wav:
            self._buffer.extend(ctypes.cast(wav, ctypes.POINTER(ctypes.c_short * count)).contents)
        return 0  # go on

    def synthesise(self, text: str, language: str) -> Speech:
        data = text.encode("utf-8")
        with self._lock:
            if self._lib.espeak_SetVoiceByName(voice_for(language).encode()) != 0:
                raise SpeechUnavailable(f"eSpeak NG has no voice for {language!r}")
            self._lib.espeak_SetParameter(_PARAM_RATE, RATE, 0)
            self._buffer = array.array("h")
            status = self._lib.espeak_Synth(
                data, len(data) + 1, 0, _POS_CHARACTER, 0, _UTF8_ENDPAUSE, None, None
            )
            self._lib.espeak_Synchronize()
            samples, self._buffer = self._buffer, array.array("h")
        if status != 0:
            raise SpeechUnavailable(f"espeak_Synth failed ({status})")
        return Speech(samples, self.sample_rate)


class _Program:
    """The `espeak-ng` program: WAV on its standard output."""

    def __init__(self, path: str):
        self.path = path

    def synthesise(self, text: str, language: str) -> Speech:
        result = subprocess.run(  # noqa: S603 - a fixed program, text on stdin
            [self.path, "-v", voice_for(language), "-s", str(RATE), "-b", "1", "--stdout"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=600,
            check=False,
        )
        if result.returncode != 0 or not result.stdout:
            raise SpeechUnavailable(result.stderr.decode("utf-8", "replace")[:500])
        with wave.open(io.BytesIO(result.stdout)) as wav:
            if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
                raise SpeechUnavailable("espeak-ng wrote an unexpected WAV format")
            frames = wav.readframes(wav.getnframes())
            rate = wav.getframerate()
        samples = array.array("h")
        samples.frombytes(frames[: len(frames) - len(frames) % 2])
        return Speech(samples, rate)


def _load_library() -> _Library | None:
    try:
        return _Library(espeakng_loader.get_library_path(), espeakng_loader.get_data_path())
    except (OSError, RuntimeError) as error:
        logger.warning("The bundled eSpeak NG library cannot be loaded: %s", error)
        return None


def _find_program(name: str) -> _Program | None:
    path = shutil.which(name) if name else None
    return _Program(path) if path else None


@lru_cache(maxsize=4)  # one (choice, program) a process, from settings
def _engine(choice: str, program: str):
    if choice == "off":
        return None
    if choice == "library":
        return _load_library()
    if choice == "binary":
        return _find_program(program)
    return _load_library() or _find_program(program)


def engine():
    """The configured eSpeak NG (library or program), or None."""
    return _engine(settings.SPEECH_ENGINE, settings.SPEECH_ESPEAK_PROGRAM)


def available() -> bool:
    return engine() is not None


def synthesise(text: str, language: str) -> Speech:
    """Speak `text` (already normalised) in `language`; SpeechUnavailable without
    eSpeak NG or when it fails."""
    current = engine()
    if current is None:
        raise SpeechUnavailable("eSpeak NG is not available (SPEECH_ENGINE)")
    return current.synthesise(text, language)
