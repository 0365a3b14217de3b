"""A tile-grid map of Indonesia's 38 provinces: (row, column) laid out by hand.

One tile per province, placed from its approximate position (west to east, north to
south) so the islands stay recognisable: Sumatra on the left, Java and Nusa Tenggara along
the bottom, Kalimantan, Sulawesi, Maluku, then the six Papua provinces on the right.
No boundary data is needed, and every province gets the same visual weight.
"""

from __future__ import annotations

#: province code -> (row, column, short label)
TILES: dict[str, tuple[int, int, str]] = {
    "11": (0, 0, "ACEH"),
    "12": (1, 1, "SUMUT"),
    "14": (1, 2, "RIAU"),
    "21": (1, 3, "KEPRI"),
    "13": (2, 1, "SUMBAR"),
    "15": (2, 2, "JAMBI"),
    "19": (2, 4, "BABEL"),
    "17": (3, 2, "BKL"),
    "16": (3, 3, "SUMSEL"),
    "18": (4, 3, "LPG"),
    "31": (4, 5, "DKI"),
    "36": (5, 4, "BANTEN"),
    "32": (5, 5, "JABAR"),
    "33": (5, 6, "JATENG"),
    "34": (6, 6, "DIY"),
    "35": (5, 7, "JATIM"),
    "51": (5, 8, "BALI"),
    "52": (5, 9, "NTB"),
    "53": (5, 10, "NTT"),
    "65": (0, 7, "KALTARA"),
    "61": (1, 6, "KALBAR"),
    "64": (1, 7, "KALTIM"),
    "62": (2, 6, "KALTENG"),
    "63": (2, 7, "KALSEL"),
    "75": (0, 10, "GTLO"),
    "71": (0, 11, "SULUT"),
    "72": (1, 10, "SULTENG"),
    "76": (2, 9, "SULBAR"),
    "73": (2, 10, "SULSEL"),
    "74": (2, 11, "SULTRA"),
    "82": (0, 13, "MALUT"),
    "81": (2, 13, "MALUKU"),
    "96": (1, 14, "PBD"),
    "92": (1, 15, "PABAR"),
    "94": (1, 16, "PATENG"),
    "91": (1, 17, "PAPUA"),
    "95": (2, 16, "PAPEG"),
    "93": (3, 16, "PASEL"),
}
ROWS = 1 + max(r for r, _c, _l in TILES.values())
COLUMNS = 1 + max(c for _r, c, _l in TILES.values())
