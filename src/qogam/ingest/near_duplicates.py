"""One story syndicated by several outlets with small edits: MinHash signatures over word
shingles, and an LSH index that finds an article's near-copies among those stored.

Two texts whose sets of five-word shingles overlap by ``THRESHOLD`` (estimated Jaccard) or
more are copies of one story: an edited headline, an added dateline ("ШЫМКЕНТ. ҚазАқпарат —"),
a cut paragraph leave most shingles in place, while two articles about the same meeting,
written by two reporters, share few runs of five words. ``benchmarks/near_duplicates.py``
measures it on copies made from the real news of ../shared.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from qogam.nlp.normalize import normalize

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.35
SEED = 1
SCHEME = "affine32"  # datasketch 2: named, so that stored signatures stay comparable
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def text_hash(text: str) -> str:
    """The sha256 (hex) of ``text`` normalised — NFC, look-alike letters fixed, white space
    collapsed: the identity of an exact duplicate."""
    normal = _SPACE.sub(" ", normalize(text).text).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The runs of ``size`` words of ``text``, lower case (one run for a shorter text)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` as bytes (NUM_PERM little-endian 64-bit values), for storing."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return np.asarray(minhash.hashvalues, dtype="<u8").tobytes()


def _lean(sig: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(sig, dtype="<u8"), scheme=SCHEME)


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of the texts behind two signatures."""
    return float(_lean(a).jaccard(_lean(b)))


class NearDuplicateIndex:
    """The stored signatures, by key (a source's id); :meth:`first_copy_of` finds a text's original."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[int, bytes] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, key: int, sig: bytes) -> None:
        if key in self._signatures or len(sig) != NUM_PERM * 8:
            return
        self._signatures[key] = sig
        self._lsh.insert(key, _lean(sig))

    def copies(self, sig: bytes) -> list[int]:
        """The keys whose texts ``sig`` is a near-copy of (LSH candidates checked on their estimate), in order."""
        if not self._signatures or len(sig) != NUM_PERM * 8:
            return []
        return sorted(k for k in self._lsh.query(_lean(sig)) if similarity(sig, self._signatures[k]) >= self.threshold)

    def first_copy_of(self, sig: bytes) -> int | None:
        """The smallest key whose text ``sig`` is a near-copy of, or None."""
        found = self.copies(sig)
        return found[0] if found else None
