"""Geometry of the body map (the back of the pelvis and thighs) drawn by _body_map.html.

Coordinates are SVG user units in the template's viewBox; the body's midline is x = 210. Each
zone lists its shapes (both sides where the zone is paired) and where its short label sits.
"""

from __future__ import annotations

from dataclasses import dataclass

from hipdx.types import Zone

OUTLINE = (
    "M150 8 L270 8 C272 60 268 90 276 120 C300 150 318 185 316 225 C314 255 296 272 282 280 "
    "L276 400 C276 430 270 460 272 548 L222 548 L216 410 L212 292 Q210 284 208 292 L204 410 "
    "L198 548 L148 548 C150 460 144 430 144 400 L138 280 C124 272 106 255 104 225 "
    "C102 185 120 150 144 120 C152 90 148 60 150 8 Z"
)
CREASES = (
    "M210 140 V256",  # natal cleft
    "M146 262 Q178 276 206 262 M214 262 Q242 276 274 262",  # gluteal folds
    "M148 410 Q172 418 198 410 M222 410 Q248 418 272 410",  # backs of the knees
)


@dataclass(frozen=True)
class Shape:
    tag: str
    attrs: dict[str, float]


@dataclass(frozen=True)
class MapZone:
    zone: Zone
    short: str
    shapes: tuple[Shape, ...]
    anchor: tuple[float, float]
    """Point on the zone the leader line starts from."""
    label_y: float
    right: bool
    """Label on the right of the body (else on the left)."""


def _pair(tag: str, left: dict[str, float], dx: float) -> tuple[Shape, Shape]:
    key = "cx" if "cx" in left else "x"
    return Shape(tag, left), Shape(tag, {**left, key: left[key] + dx})


ZONES: tuple[MapZone, ...] = (
    MapZone(
        Zone.LOW_BACK,
        "Low back",
        (Shape("rect", {"x": 156, "y": 22, "width": 108, "height": 66, "rx": 14}),),
        (264, 44),
        44,
        True,
    ),
    MapZone(
        Zone.SI_REGION,
        "SI joints",
        _pair("circle", {"cx": 192, "cy": 114, "r": 13}, 36),
        (241, 114),
        104,
        True,
    ),
    MapZone(
        Zone.DEEP_BUTTOCK,
        "Deep buttock",
        _pair("ellipse", {"cx": 170, "cy": 176, "rx": 28, "ry": 25}, 80),
        (142, 176),
        150,
        False,
    ),
    MapZone(
        Zone.LATERAL_HIP,
        "Outer hip",
        _pair("ellipse", {"cx": 118, "cy": 210, "rx": 11, "ry": 30}, 184),
        (313, 210),
        196,
        True,
    ),
    MapZone(
        Zone.SIT_BONE,
        "Sit bone",
        _pair("ellipse", {"cx": 184, "cy": 240, "rx": 18, "ry": 11}, 52),
        (166, 240),
        232,
        False,
    ),
    MapZone(
        Zone.PERINEUM,
        "Perineum",
        (Shape("ellipse", {"cx": 210, "cy": 268, "rx": 8, "ry": 14}),),
        (218, 268),
        262,
        True,
    ),
    MapZone(
        Zone.POSTERIOR_THIGH,
        "Back of thigh",
        _pair("rect", {"x": 150, "y": 290, "width": 50, "height": 104, "rx": 16}, 70),
        (150, 342),
        342,
        False,
    ),
    MapZone(
        Zone.BELOW_KNEE,
        "Below knee",
        _pair("rect", {"x": 154, "y": 430, "width": 42, "height": 104, "rx": 16}, 70),
        (266, 482),
        482,
        True,
    ),
)
LABEL_LEFT_X = 70.0
LABEL_RIGHT_X = 350.0
