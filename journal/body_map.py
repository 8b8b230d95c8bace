"""The body map's drawing: the back seen from behind in a 320 × 290 box, one shape a region, its
number in the middle of the back (x 105) and its name on the right (x 198), on one line with a
leader between them. Plain data for templates/journal/_body_map.html."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RegionDrawing:
    shape: str  # an SVG path
    line: int  # where the number and the name stand (their baseline)
    shape_edge: int  # where the leader to the name starts
    small: bool = False  # a number in a narrow shape is written smaller

    @property
    def leader(self) -> str:
        return f"M{self.shape_edge} {self.line - 5} H194"

    @property
    def hit_top(self) -> int:
        """The top of the band that, from the shape to the end of the name, answers a tap."""
        return self.line - 19


DRAWINGS = {
    "neck": RegionDrawing(
        "M97 52 H113 Q118 52 118 57 V74 Q118 79 113 79 H97 Q92 79 92 74 V57 Q92 52 97 52 Z", 71, 117, True
    ),
    "shoulders": RegionDrawing("M40 104 Q46 84 92 79 H118 Q164 84 170 104 Z", 99, 160),
    "upper_back": RegionDrawing("M46 104 H164 L159 156 H51 Z", 137, 161),
    "middle_back": RegionDrawing("M51 156 H159 L156 204 H54 Z", 187, 158),
    "lower_back": RegionDrawing("M54 204 H156 L162 252 H48 Z", 235, 160),
}
