"""Write the summons alert sound, threshold/static/sounds/alert.wav: three rising two-note chimes,
about 1.5 seconds, 16 kHz mono, made from sine waves with soft edges (no clicks). Run it again
after changing the notes; the file is committed.

    .venv/bin/python scripts/make_alert_sound.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 16_000
OUT = Path(__file__).resolve().parent.parent / "threshold" / "static" / "sounds" / "alert.wav"
# (frequency in Hz, seconds); 0 Hz is a rest.
NOTES = [(660, 0.16), (880, 0.22), (0, 0.1)] * 3


def tone(frequency: float, seconds: float) -> list[float]:
    count = int(RATE * seconds)
    fade = int(RATE * 0.015)
    samples = []
    for n in range(count):
        edge = min(1.0, n / fade, (count - n) / fade) if fade else 1.0
        value = math.sin(2 * math.pi * frequency * n / RATE) if frequency else 0.0
        # A touch of the octave makes it carry on a phone's small speaker.
        value += 0.25 * math.sin(4 * math.pi * frequency * n / RATE) if frequency else 0.0
        samples.append(0.6 * edge * value / 1.25)
    return samples


def main() -> None:
    samples = [s for frequency, seconds in NOTES for s in tone(frequency, seconds)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))
    print(f"{OUT.name}: {len(samples) / RATE:.2f} s, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
