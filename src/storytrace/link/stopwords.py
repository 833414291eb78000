"""English function words, and the words every news article uses (said, told,
Mr), left out when articles are compared by their words. Content words that
generic lists drop ("fire", "bill", "call") are kept: in news they name events."""

from __future__ import annotations

__all__ = ["STOP_WORDS"]

_WORDS = """
    a about above across after again against ago all almost along already also although
    always am among an and another any anyone anything are around as at away back be
    became because become been before being below between both but by can cannot could
    did do does doing done down during each either else even ever every few for from
    further had has have having he her here hers herself him himself his how however i if
    in into is it its itself just least less like many may me might more most much must
    my myself neither never no nor not now of off often on once only onto or other others
    our ours ourselves out over own per perhaps rather really same she should since so
    some still such than that the their theirs them themselves then there these they this
    those though through thus to too toward towards under until up upon us very via was we
    well were what whatever when where whether which while who whom whose why will with
    within without would yet you your yours yourself yourselves
    said says say saying told tells according added asked wrote reported
    mr mrs ms dr new year years week weeks day days time times monday tuesday wednesday
    thursday friday saturday sunday one two three first last s t don didn doesn isn wasn

"""

STOP_WORDS = frozenset(_WORDS.split())
